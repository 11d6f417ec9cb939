// What the status views read from Temporal, whichever way they reach it: over gRPC through the SDK's client
// (the web, the worker's activities, the CLI by default) or over the HTTP API (httpReads.ts, the CLI's quick
// reads). The rules that read (reads/) are written once against this.
import type { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';

/** One workflow run as a description or a Visibility listing gives it. */
export interface ExecutionFacts {
  workflowId: string;
  running: boolean;
  /** Decoded by the data converter. */
  memo: Record<string, unknown>;
  /** Each attribute's values as a list, as the SDK's `searchAttributes` gives them. */
  searchAttributes: Record<string, unknown[]>;
  /** Attempts of the workflow task pending now: 0 when none, or when a listing does not say. */
  pendingTaskAttempts: number;
}

export interface TemporalReads {
  query<T>(workflowId: string, query: QueryDefinition<T, []>): Promise<T>;
  describe(workflowId: string): Promise<ExecutionFacts>;
  /** Every run matching a Visibility query, a page at a time. */
  list(query: string): AsyncIterable<ExecutionFacts>;
  /** The result of a completed workflow. */
  result<T>(workflowId: string): Promise<T>;
}

/** The message for a workflow id the server does not know, whichever way it was asked. */
export function noSuchWorkflow(workflowId: string): string {
  return `no such workflow: ${workflowId} (check --year and --unit; "wlx campaign status --year Y" lists the units)`;
}

export function sdkReads(client: Client): TemporalReads {
  return {
    query: (workflowId, query) => client.workflow.getHandle(workflowId).query(query),
    async describe(workflowId) {
      const description = await client.workflow.getHandle(workflowId).describe();
      return {
        workflowId,
        running: description.status.name === 'RUNNING',
        memo: description.memo ?? {},
        searchAttributes: description.searchAttributes as Record<string, unknown[]>,
        pendingTaskAttempts: description.raw.pendingWorkflowTask?.attempt ?? 0,
      };
    },
    async *list(query) {
      for await (const execution of client.workflow.list({ query, pageSize: 1_000 })) {
        yield {
          workflowId: execution.workflowId,
          running: execution.status.name === 'RUNNING',
          memo: execution.memo ?? {},
          searchAttributes: execution.searchAttributes as Record<string, unknown[]>,
          pendingTaskAttempts: 0,
        };
      }
    },
    result: (workflowId) => client.workflow.getHandle(workflowId).result(),
  };
}
