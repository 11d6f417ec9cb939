// Every workflow a test's server ran, replayed on a fresh worker with today's bundle: what a run with
// worker kills must leave is histories that any worker can take up again.
import type { Client } from '@temporalio/client';
import { firstUnreplayableEvent } from '../../client/recovery/replayCheck.ts';

/** One line per run that does not replay, naming it and the event; empty when all of them do. */
export async function unreplayableRuns(client: Client, bundleCode: string): Promise<string[]> {
  const failures: string[] = [];
  for await (const execution of client.workflow.list()) {
    const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
    const unreplayable = await firstUnreplayableEvent(history, { code: bundleCode });
    if (unreplayable)
      failures.push(
        `${execution.workflowId} ${execution.runId}: event ${unreplayable.eventId}, ${unreplayable.message}`,
      );
  }
  return failures;
}
