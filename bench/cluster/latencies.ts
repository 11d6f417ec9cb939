// Latencies read from the year's own histories, which every server keeps exactly (the server's metrics would
// give histograms in buckets): how long a workflow task waited for a worker, how late the server fired a due
// timer, and from a notice's due instant to its mail handed to SMTP (the timer, the task, the activity).
import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common';
import proto from '@temporalio/proto';
import { inParallel } from '../../domain/inParallel.ts';

// The package is CommonJS: its namespace comes through the default export under Node's ESM.
const { EventType } = proto.temporal.api.enums.v1;

export interface Latencies {
  /** WorkflowTaskScheduled → WorkflowTaskStarted, ms. */
  taskScheduleToStart: number[];
  /** The instant a timer was due → TimerFired, ms. */
  timerLate: number[];
  /** A notice's due instant (its timer's) → its sendNotification activity completed, ms. */
  noticeDueToSent: number[];
}

const durationMs = (d: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  Number(d?.seconds ?? 0) * 1000 + Math.round((d?.nanos ?? 0) / 1e6);

/** Reads each workflow's history (16 at a time) and collects its latencies. */
export async function historyLatencies(client: Client, workflowIds: string[]): Promise<Latencies> {
  const out: Latencies = { taskScheduleToStart: [], timerLate: [], noticeDueToSent: [] };
  await inParallel(workflowIds, 16, async (id) => {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const at = new Map<number, number>();
    const timerDue = new Map<number, number>();
    const noticeDue = new Map<number, number>();
    let lastDue: number | undefined;
    for (const event of events) {
      const time = tsToMs(event.eventTime);
      at.set(Number(event.eventId), time);
      switch (event.eventType) {
        case EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED: {
          const scheduled = at.get(Number(event.workflowTaskStartedEventAttributes?.scheduledEventId));
          if (scheduled !== undefined) out.taskScheduleToStart.push(time - scheduled);
          break;
        }
        case EventType.EVENT_TYPE_TIMER_STARTED:
          timerDue.set(
            Number(event.eventId),
            time + durationMs(event.timerStartedEventAttributes?.startToFireTimeout),
          );
          break;
        case EventType.EVENT_TYPE_TIMER_FIRED: {
          const due = timerDue.get(Number(event.timerFiredEventAttributes?.startedEventId));
          if (due !== undefined) {
            out.timerLate.push(time - due);
            lastDue = due;
          }
          break;
        }
        case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
          // The first notice after a timer fired is the one it was due for.
          if (event.activityTaskScheduledEventAttributes?.activityType?.name === 'sendNotification') {
            if (lastDue !== undefined) noticeDue.set(Number(event.eventId), lastDue);
            lastDue = undefined;
          }
          break;
        case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
          const due = noticeDue.get(Number(event.activityTaskCompletedEventAttributes?.scheduledEventId));
          if (due !== undefined) out.noticeDueToSent.push(time - due);
          break;
        }
      }
    }
  });
  return out;
}

/** The value below which `fraction` of the values fall (nearest rank). */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}
