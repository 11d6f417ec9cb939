// What a unit last handed in through one update, read from its workflow's history: the argument of the
// last accepted update of that name that did not fail, and the run before this one (continue-as-new), so
// a reader can look further back. The unit's machine may have dropped it since (a return for revision):
// what was handed in is still what the liaison sent.
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { historyValue } from '../infra/temporal/payloadCodec.ts';

type History = temporal.api.history.v1.IHistory;

export function acceptedInHistory<T>(
  history: History,
  updateName: string,
  parse: (argument: unknown) => T | null,
): { value: T | null; previousRunId: string | null } {
  const events = history.events ?? [];
  const failed = new Set(
    events.flatMap((e) => {
      const done = e.workflowExecutionUpdateCompletedEventAttributes;
      return done?.outcome?.failure ? [done.meta?.updateId ?? ''] : [];
    }),
  );
  let value: T | null = null;
  for (const event of events) {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (accepted?.input?.name !== updateName || failed.has(accepted.meta?.updateId ?? '')) continue;
    const payload = accepted.input.args?.payloads?.[0];
    const parsed = payload ? parse(historyValue<unknown>(payload)) : null;
    if (parsed !== null) value = parsed;
  }
  const previousRunId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || null;
  return { value, previousRunId };
}

/** The last value handed in through `updateName` over the runs from `runId` back; null if none. */
export async function lastAccepted<T>(
  client: Client,
  workflowId: string,
  runId: string,
  updateName: string,
  parse: (argument: unknown) => T | null,
): Promise<T | null> {
  let run: string | null = runId;
  for (let runs = 0; run && runs < 100; runs++) {
    const history: History = await client.workflow.getHandle(workflowId, run).fetchHistory();
    const found: { value: T | null; previousRunId: string | null } = acceptedInHistory(
      history,
      updateName,
      parse,
    );
    if (found.value !== null) return found.value;
    run = found.previousRunId;
  }
  return null;
}
