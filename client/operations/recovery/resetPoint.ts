// Where to reset a workflow that cannot replay: to the start of the workflow task whose commands hold the
// first event that does not replay. Everything before that task is kept as it was; what came from outside
// after it (signals, updates) the server applies again to the new run.
import proto from '@temporalio/proto';

type History = proto.temporal.api.history.v1.IHistory;
const { EventType } = proto.temporal.api.enums.v1;

/** The WorkflowTaskStarted event id to reset to, or null when no task completed before `failedEventId`. */
export function resetPointFor(history: History, failedEventId: number): number | null {
  let started: number | null = null;
  for (const event of history.events ?? []) {
    if (Number(event.eventId) >= failedEventId) break;
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
      started = Number(event.workflowTaskCompletedEventAttributes?.startedEventId);
  }
  return started;
}
