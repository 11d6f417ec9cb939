// The notices a unit's workflow sent it, read from the workflow's own history (and its earlier runs, across
// continue-as-new): each sendNotification activity, with what it asked to send and how it ended. The
// history is the record Temporal keeps anyway; the mail ledger only knows keys, not whose they are.
// The launch notice goes out from the campaign workflow, and is not among these.
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type {
  NotificationKind,
  NotificationReceipt,
  NotificationRequest,
} from '../../domain/notices/notifications.ts';
import { historyValue } from '../../infra/temporal/payloadCodec.ts';
import { unitWorkflowId } from '../../workflows/shared/messages.ts';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface MailEntry {
  key: string;
  kind: NotificationKind;
  to: string[];
  cc: string[];
  deadline: string | null;
  /** When the activity was scheduled: the notice's time, epoch ms. */
  at: number;
  outcome: 'sent' | 'failed' | 'pending';
  /** The failure's message, for a notice that could not be delivered. */
  failure: string | null;
  /** The unit's group robots the notice also reached ("wecom", "dingtalk", "feishu"). */
  robots: string[];
}

/** Enough for a year of a unit's notices; a history longer than this has continued as new long before. */
const maxRuns = 20;

const millis = (ts: HistoryEvent['eventTime']): number => {
  if (!ts) return 0;
  const seconds = typeof ts.seconds === 'number' ? ts.seconds : Number(ts.seconds?.toString() ?? 0);
  return seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
};

/** The notices of one run, and the run before it. */
export function mailInHistory(events: readonly HistoryEvent[]): {
  mail: MailEntry[];
  previousRunId: string | null;
} {
  const scheduled = new Map<string, MailEntry>();
  for (const event of events) {
    const id = String(event.eventId ?? '');
    const s = event.activityTaskScheduledEventAttributes;
    if (s?.activityType?.name === 'sendNotification') {
      const payload = s.input?.payloads?.[0];
      const request = payload && historyValue<NotificationRequest>(payload);
      if (!request) continue;
      scheduled.set(id, {
        key: request.key,
        kind: request.kind,
        to: request.to.map((r) => r.email),
        cc: (request.cc ?? []).map((r) => r.email),
        deadline: request.deadline ?? null,
        at: millis(event.eventTime),
        outcome: 'pending',
        failure: null,
        robots: [],
      });
      continue;
    }
    const done = event.activityTaskCompletedEventAttributes;
    const failed = event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes;
    const entry = scheduled.get(String(done?.scheduledEventId ?? failed?.scheduledEventId ?? ''));
    if (!entry) continue;
    if (done) {
      const payload = done.result?.payloads?.[0];
      const receipt = payload && historyValue<NotificationReceipt>(payload);
      entry.outcome = receipt ? 'sent' : 'failed';
      entry.robots = (receipt?.robots ?? []).map((robot) => robot.channel);
    } else {
      entry.outcome = 'failed';
      entry.failure = failed?.failure?.message ?? null;
    }
  }
  const previousRunId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || null;
  return { mail: [...scheduled.values()], previousRunId };
}

/** Every notice the unit's workflow has sent or tried to send this year, oldest first. */
export async function unitMailHistory(
  client: Client,
  target: { year: number; unit: string },
): Promise<MailEntry[]> {
  const workflowId = unitWorkflowId(target.year, target.unit);
  const runs: MailEntry[][] = [];
  let runId: string | undefined;
  for (let i = 0; i < maxRuns; i++) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const found = mailInHistory(history.events ?? []);
    runs.unshift(found.mail);
    if (!found.previousRunId) break;
    runId = found.previousRunId;
  }
  return runs.flat();
}
