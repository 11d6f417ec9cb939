// Where clients (wlx, the web) find Temporal: environment, parsed at the edge, with the defaults `npm start` uses.
// The SDK's client is loaded when a command first connects: it takes a third of a second, which a read over the
// HTTP API (httpReads.ts) never pays.
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { parseInput } from '../../domain/validation.ts';
import { temporalFields } from '../config.ts';
import { httpReads } from './httpReads.ts';
import { sdkReads, type TemporalReads } from './reads.ts';
import { TemporalUnreachableError } from './unreachable.ts';

const clientConfigSchema = z.object({
  ...temporalFields,
  /** Base of the links the CLI prints; the dev server's UI by default. */
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  /**
   * Temporal's HTTP API (the frontend's httpPort; `npm start` opens it on 7243). When set, reads (status, unit
   * show) go over it; everything else, and every read when unset, over gRPC.
   */
  TEMPORAL_HTTP_URL: z.url().optional(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

export function clientConfig(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  return parseInput(clientConfigSchema, env, 'environment');
}

export function workflowLink(config: ClientConfig, workflowId: string): string {
  return `${config.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}

/** Opens a client for one command and closes it after, so the process can exit. */
export async function withClient<T>(run: (client: Client, config: ClientConfig) => Promise<T>): Promise<T> {
  const config = clientConfig();
  const [{ Client, Connection }, { dataConverter }] = await Promise.all([
    import('@temporalio/client'),
    import('./payloadCodec.ts'),
  ]);
  const connection = await Connection.connect({
    address: config.TEMPORAL_ADDRESS,
    connectTimeout: '5 seconds',
  }).catch((cause: unknown) => {
    throw new TemporalUnreachableError(config.TEMPORAL_ADDRESS, { cause });
  });
  try {
    return await run(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter }), config);
  } finally {
    await connection.close();
  }
}

/** Reads for one command: over the HTTP API when TEMPORAL_HTTP_URL is set, else over a gRPC client. */
export async function withReads<T>(
  run: (reads: TemporalReads, config: ClientConfig) => Promise<T>,
): Promise<T> {
  const config = clientConfig();
  if (config.TEMPORAL_HTTP_URL)
    return run(httpReads(config.TEMPORAL_HTTP_URL, config.TEMPORAL_NAMESPACE), config);
  return withClient((client) => run(sdkReads(client), config));
}
