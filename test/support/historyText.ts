// Everything a workflow's history carries, its payloads decoded (gzipped ones unzipped): to check what a
// workflow holds, and what it does not.
import { gunzipSync } from 'node:zlib';
import type { Client } from '@temporalio/client';
import { gzipEncoding } from '../../infra/temporal/payloadCodec.ts';

export async function historyText(client: Client, workflowId: string, runId?: string): Promise<string> {
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  const texts: string[] = [];
  const decoder = new TextDecoder();
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array || value === null || typeof value !== 'object') return;
    const fields = value as Record<string, unknown>;
    const encoding = (fields.metadata as Record<string, Uint8Array> | undefined)?.encoding;
    if (fields.data instanceof Uint8Array && encoding) {
      const gzipped = decoder.decode(encoding) === gzipEncoding;
      texts.push(decoder.decode(gzipped ? gunzipSync(fields.data) : fields.data));
      return;
    }
    for (const inner of Object.values(fields)) walk(inner);
  };
  walk(history.events);
  return texts.join('\n');
}
