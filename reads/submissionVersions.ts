// Every version a unit handed in, by kind: the argument of each accepted update that did not fail, over all
// the unit's runs (continue-as-new), the oldest first, with the time the update was accepted and its id; and
// the operators' returns for revision between them. The unit's state keeps only the latest (or drops it on a
// return): the history keeps every one, as the liaison sent it.
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import {
  type ActivityRecord,
  activityRecordSchema,
  type DemandList,
  demandListSchema,
  type ReturnForRevision,
  returnForRevisionSchema,
  type SummarySubmission,
  summarySubmissionSchema,
  type WorkPlan,
  workPlanSchema,
} from '../domain/submissions.ts';
import { historyValue } from '../infra/temporal/payloadCodec.ts';
import {
  recordActivityUpdate,
  returnForRevisionUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../workflows/shared/messages.ts';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export const submissionKinds = ['plan', 'demands', 'activities', 'summary'] as const;
export type SubmissionKind = (typeof submissionKinds)[number];

export interface SubmissionValues {
  plan: WorkPlan;
  demands: DemandList;
  activities: ActivityRecord;
  summary: SummarySubmission;
}

export interface Version<T> {
  updateId: string;
  /** When the workflow accepted it, epoch ms. */
  at: number;
  value: T;
}

export type SubmissionVersions = { [K in SubmissionKind]: Version<SubmissionValues[K]>[] } & {
  returns: Version<ReturnForRevision>[];
};

const parseWith =
  <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
  (argument: unknown): T | null => {
    const parsed = schema.safeParse(argument);
    return parsed.success ? parsed.data : null;
  };

/** Which list each update's argument goes to, and how it is read. */
const byUpdate: Record<string, [keyof SubmissionVersions, (argument: unknown) => unknown]> = {
  [submitWorkPlanUpdate.name]: ['plan', parseWith(workPlanSchema)],
  [submitDemandListUpdate.name]: ['demands', parseWith(demandListSchema)],
  [recordActivityUpdate.name]: ['activities', parseWith(activityRecordSchema)],
  [submitSummaryUpdate.name]: ['summary', parseWith(summarySubmissionSchema)],
  [returnForRevisionUpdate.name]: ['returns', parseWith(returnForRevisionSchema)],
};

const millis = (ts: HistoryEvent['eventTime']): number => {
  if (!ts) return 0;
  const seconds = typeof ts.seconds === 'number' ? ts.seconds : Number(ts.seconds?.toString() ?? 0);
  return seconds * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
};

export const noVersions = (): SubmissionVersions => ({
  plan: [],
  demands: [],
  activities: [],
  summary: [],
  returns: [],
});

/** One run's accepted updates, into `into` (in the run's order), and the run before it. */
export function versionsInHistory(
  events: readonly HistoryEvent[],
  into: SubmissionVersions = noVersions(),
): { versions: SubmissionVersions; previousRunId: string | null } {
  const failed = new Set(
    events.flatMap((e) => {
      const done = e.workflowExecutionUpdateCompletedEventAttributes;
      return done?.outcome?.failure ? [done.meta?.updateId ?? ''] : [];
    }),
  );
  for (const event of events) {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    const route = byUpdate[accepted?.input?.name ?? ''];
    const updateId = accepted?.meta?.updateId ?? '';
    if (!route || failed.has(updateId)) continue;
    const payload = accepted?.input?.args?.payloads?.[0];
    const value = payload ? route[1](historyValue<unknown>(payload)) : null;
    if (value === null) continue;
    (into[route[0]] as Version<unknown>[]).push({ updateId, at: millis(event.eventTime), value });
  }
  const previousRunId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || null;
  return { versions: into, previousRunId };
}

/** A unit's runs are few (one a few thousand events); this bounds a broken chain. */
const maxRuns = 100;

export type ReadVersions = (client: Client, year: number, unitCode: string) => Promise<SubmissionVersions>;

/** Every version of the unit's year, each kind the oldest first; an update retried in a later run once. */
export const submissionVersions: ReadVersions = async (client, year, unitCode) => {
  const workflowId = unitWorkflowId(year, unitCode);
  const { runId } = await client.workflow.getHandle(workflowId).describe();
  return versionsFrom(client, workflowId, runId);
};

/**
 * The same read, kept: a unit's versions change only when its current run's history grows or a new run
 * starts, so one describe() tells whether the last read still holds (a page of a long list costs no history).
 * One entry a unit, the `max` units read last.
 */
export function keptSubmissionVersions(max = 16): ReadVersions {
  const kept = new Map<string, { key: string; versions: SubmissionVersions }>();
  return async (client, year, unitCode) => {
    const workflowId = unitWorkflowId(year, unitCode);
    const { runId, historyLength } = await client.workflow.getHandle(workflowId).describe();
    const key = `${runId}/${historyLength}`;
    const hit = kept.get(workflowId);
    kept.delete(workflowId);
    const versions = hit?.key === key ? hit.versions : await versionsFrom(client, workflowId, runId);
    kept.set(workflowId, { key, versions });
    if (kept.size > max) kept.delete(kept.keys().next().value as string);
    return versions;
  };
}

async function versionsFrom(client: Client, workflowId: string, runId: string): Promise<SubmissionVersions> {
  const runs: SubmissionVersions[] = [];
  let run: string | null = runId;
  for (let i = 0; run && i < maxRuns; i++) {
    const history = await client.workflow.getHandle(workflowId, run).fetchHistory();
    const found = versionsInHistory(history.events ?? []);
    runs.unshift(found.versions);
    run = found.previousRunId;
  }
  const all = noVersions();
  const seen = new Set<string>();
  for (const versions of runs)
    for (const key of Object.keys(all) as (keyof SubmissionVersions)[])
      for (const version of versions[key] as Version<unknown>[]) {
        // The workflow dedupes a retry across continue-as-new itself; the history still shows it accepted.
        if (seen.has(`${key}/${version.updateId}`)) continue;
        seen.add(`${key}/${version.updateId}`);
        (all[key] as Version<unknown>[]).push(version);
      }
  return all;
}
