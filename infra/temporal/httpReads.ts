// Reads over Temporal's HTTP API (the frontend's httpPort) for the CLI's status commands: a status read then
// costs Node's start and three requests, where the SDK's client alone takes a third of a second to load (its
// gRPC and protobuf modules). Payloads come unabbreviated (`noPayloadShorthand`) and are decoded here; a
// compressed one goes through the same codec as everywhere else (payloadCodec.ts, loaded only then).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Payload } from '@temporalio/common';
import { exitCodes, UserError } from '../userError.ts';
import { type ExecutionFacts, noSuchWorkflow, type TemporalReads } from './reads.ts';
import { TemporalUnreachableError } from './unreachable.ts';

/** A payload as the HTTP API writes it: base64 bytes. */
interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

interface JsonExecution {
  execution: { workflowId: string };
  status: string;
  memo?: { fields?: Record<string, JsonPayload> };
  searchAttributes?: { indexedFields?: Record<string, JsonPayload> };
}

const bytes = (base64: string | undefined) => Buffer.from(base64 ?? '', 'base64');

async function payloadValue(payload: JsonPayload): Promise<unknown> {
  if (bytes(payload.metadata?.encoding).toString() === 'json/plain')
    return JSON.parse(bytes(payload.data).toString('utf8'));
  const metadata = Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, new Uint8Array(bytes(value))]),
  );
  const { historyValue } = await import('./payloadCodec.ts');
  return historyValue({ metadata, data: new Uint8Array(bytes(payload.data)) } as Payload);
}

async function values(fields: Record<string, JsonPayload> | undefined): Promise<Record<string, unknown>> {
  const entries = Object.entries(fields ?? {});
  return Object.fromEntries(
    await Promise.all(entries.map(async ([key, payload]) => [key, await payloadValue(payload)])),
  );
}

async function facts(info: JsonExecution, pendingTaskAttempts: number): Promise<ExecutionFacts> {
  const attributes = await values(info.searchAttributes?.indexedFields);
  return {
    workflowId: info.execution.workflowId,
    running: info.status === 'WORKFLOW_EXECUTION_STATUS_RUNNING',
    memo: await values(info.memo?.fields),
    searchAttributes: Object.fromEntries(
      Object.entries(attributes).map(([key, value]) => [key, Array.isArray(value) ? value : [value]]),
    ),
    pendingTaskAttempts,
  };
}

/** `baseUrl` is the HTTP API's root, e.g. http://localhost:7243. */
export function httpReads(baseUrl: string, namespace: string): TemporalReads {
  const root = new URL(`api/v1/namespaces/${encodeURIComponent(namespace)}/`, baseUrl.replace(/\/?$/, '/'));
  const call = (path: string, body?: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const url = new URL(path, root);
      url.searchParams.set('noPayloadShorthand', '');
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
        url,
        { method: body === undefined ? 'GET' : 'POST', timeout: 30_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const answer = text ? JSON.parse(text) : {};
            if (response.statusCode === 200) resolve(answer);
            else reject(Object.assign(new Error(answer.message ?? text), { status: response.statusCode }));
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer from ${url.origin} in 30 s`)));
      request.on('error', (cause) => reject(new TemporalUnreachableError(baseUrl, { cause })));
      request.end(body === undefined ? undefined : JSON.stringify(body));
    });
  const workflow = (workflowId: string) => `workflows/${encodeURIComponent(workflowId)}`;
  const named = async <T>(workflowId: string, read: Promise<unknown>): Promise<T> =>
    (await read.catch((error: { status?: number }) => {
      if (error.status === 404) throw new UserError(noSuchWorkflow(workflowId), exitCodes.rejected);
      throw error;
    })) as T;

  return {
    async query(workflowId, query) {
      const answer = await named<{ queryResult?: { payloads?: JsonPayload[] } }>(
        workflowId,
        call(`${workflow(workflowId)}/query/${encodeURIComponent(query.name)}`, {
          query: { queryType: query.name },
        }),
      );
      const [payload] = answer.queryResult?.payloads ?? [];
      return (payload ? await payloadValue(payload) : undefined) as never;
    },
    async describe(workflowId) {
      const answer = await named<{
        workflowExecutionInfo: JsonExecution;
        pendingWorkflowTask?: { attempt?: number };
      }>(workflowId, call(workflow(workflowId)));
      return facts(answer.workflowExecutionInfo, answer.pendingWorkflowTask?.attempt ?? 0);
    },
    async *list(query) {
      let pageToken = '';
      do {
        const page = (await call(
          `workflows?${new URLSearchParams({ query, pageSize: '1000', nextPageToken: pageToken })}`,
        )) as { executions?: JsonExecution[]; nextPageToken?: string };
        for (const execution of page.executions ?? []) yield await facts(execution, 0);
        pageToken = page.nextPageToken ?? '';
      } while (pageToken);
    },
    async result(workflowId) {
      const answer = await named<{
        history?: {
          events?: {
            workflowExecutionCompletedEventAttributes?: { result?: { payloads?: JsonPayload[] } };
          }[];
        };
      }>(
        workflowId,
        call(`${workflow(workflowId)}/history?historyEventFilterType=HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT`),
      );
      const completed = answer.history?.events?.[0]?.workflowExecutionCompletedEventAttributes;
      if (!completed) throw new Error(`${workflowId} has not completed: it has no result to read`);
      const [payload] = completed.result?.payloads ?? [];
      return (payload ? await payloadValue(payload) : undefined) as never;
    },
  };
}
