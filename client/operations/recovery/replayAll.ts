// Every workflow a server holds (or a Visibility query picks), replayed on one fresh replay worker with the
// given bundle: what a run with worker kills must leave is histories any worker can take up again. The
// fault suite, the stuck-unit test and bench:county-year end with it.
import type { Client } from '@temporalio/client';
import { type ReplayHistoriesIterable, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { dataConverter } from '../../../infra/temporal/payloadCodec.ts';
import { quietRuntime } from './replayCheck.ts';

/** One line per run that does not replay, naming it and why; empty when all of them do. */
export function unreplayableRuns(
  client: Client,
  bundle: WorkflowBundleOption,
  query?: string,
): Promise<{ replayed: number; failures: string[] }> {
  return replayAll(bundle, client.workflow.list(query ? { query } : {}).intoHistories({ concurrency: 8 }));
}

/** The same by workflow id (each one's latest run), where the server has no Visibility list (time-skipping). */
export function unreplayableWorkflows(
  client: Client,
  bundle: WorkflowBundleOption,
  workflowIds: readonly string[],
): Promise<{ replayed: number; failures: string[] }> {
  async function* histories() {
    for (const workflowId of workflowIds)
      yield { workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() };
  }
  return replayAll(bundle, histories());
}

/** Replays the histories on one replay worker, with the workers' codec (payloads past 32 kB are gzipped). */
export async function replayAll(
  bundle: WorkflowBundleOption,
  histories: ReplayHistoriesIterable,
): Promise<{ replayed: number; failures: string[] }> {
  quietRuntime();
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories(
    { workflowBundle: bundle, dataConverter },
    histories,
  )) {
    replayed += 1;
    if (result.error) failures.push(`${result.workflowId} ${result.runId}: ${result.error.message}`);
  }
  return { replayed, failures };
}
