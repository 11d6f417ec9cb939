// One reporting unit's year: drives the unit machine with updates, signals and durable timers,
// and runs the notifications it asks for as activities.

import type { UpdateDefinition } from '@temporalio/common';
import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  patched,
  setCurrentDetails,
  setHandler,
  sleep,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { initialTransition, type StateValue, transition } from 'xstate';
import { type CampaignSchedule, endOfDateInShanghai, toNominal, toReal } from '../../domain/calendar.ts';
import { nextTick } from '../../domain/deadlines.ts';
import {
  activityRecordSchema,
  demandListSchema,
  grantExtensionSchema,
  remindUnitSchema,
  returnForRevisionSchema,
  summarySubmissionSchema,
  workPlanSchema,
} from '../../domain/submissions.ts';
import { parseInput } from '../../domain/validation.ts';
import { sendNotification } from '../proxies/mail.ts';
import { campaignClosed, notAllowedNow, rejectInvalid } from '../shared/failures.ts';
import {
  closeCampaignSignal,
  grantExtensionUpdate,
  matchingFeedbackSignal,
  recordActivityUpdate,
  remindUnitUpdate,
  returnForRevisionUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitChangedSignal,
  unitStatusQuery,
} from '../shared/messages.ts';
import {
  dueTrack,
  noFacts,
  type ProgressWithRows,
  stateName,
  type UnitFacts,
  type UnitProgress,
  type UnitReport,
  type UnitStatus,
  unitFacts,
  unitProgress,
  unitStatus,
} from '../shared/status.ts';
import { unitDetails, unitMemo, unitSearchAttributes } from '../shared/visibility.ts';
import { notificationRequest, type UnitContacts } from './notificationRequest.ts';
import {
  type NotifyParams,
  type UnitContext,
  type UnitEvent,
  type UnitIdentity,
  unitMachine,
} from './unitMachine.ts';

export interface UnitWorkflowInput {
  year: number;
  unit: UnitIdentity;
  contacts: UnitContacts;
  schedule: CampaignSchedule;
  /** Continue-as-new once history passes this many events (Temporal's own suggestion also counts). */
  historyEventLimit?: number;
  /** Carried across continue-as-new. */
  carried?: {
    value: StateValue;
    context: UnitContext;
    /** Update ids applied in earlier runs. */
    appliedUpdateIds?: string[];
    /** As runs of release 0.3.0 and before carried them: ids with their results. */
    appliedUpdates?: [string, UnitStatus][];
    undelivered: string[];
    pending: NotifyParams[];
  };
}

/** patched() ids: each names a behaviour that histories recorded before it do not have. */
const applyDueTicksBeforeClose = 'apply-due-ticks-before-close';
const reportChangesDuringSignal = 'report-changes-during-signal';
const deliverBeforeFinishing = 'deliver-before-finishing';
/** Tell the campaign flagged demand ids, not the rows. */
const progressWithoutRows = 'progress-without-rows';
/** Tell the campaign only what it acts on (UnitFacts), while the year runs: not every tick of the clock. */
const reportFactsOnly = 'report-facts-only';
/** Keep the unit's standing in its memo, for the dashboard to read without a query. */
const progressInMemo = 'progress-in-memo';
/** Wait for the next tick on one timer per instant, not a cancellable condition each round. */
const oneTimerPerTick = 'one-timer-per-tick';
/** Signal the parent by its workflow id alone: a campaign that continues as new is reached in its current run. */
const parentById = 'parent-by-id';
/** A return for revision never ends before the deadline it replaces. */
const returnKeepsLaterDeadline = 'return-keeps-later-deadline';

interface Alarm {
  /** The nominal instant of the tick it is for. */
  at: number;
  rang: boolean;
}

type UnitSnapshot = ReturnType<typeof initialTransition<typeof unitMachine>>[0];

export async function unitWorkflow(input: UnitWorkflowInput): Promise<UnitReport> {
  const { year, unit, contacts, schedule } = input;
  const nominalNow = () => toNominal(schedule.mapping, Date.now());
  const pending: NotifyParams[] = [...(input.carried?.pending ?? [])];
  const undelivered: string[] = [...(input.carried?.undelivered ?? [])];
  // Temporal dedupes update ids within a run only; this map carries them across continue-as-new.
  // Ids only: a result per update would carry the flagged demand rows hundreds of times (memory and the
  // continue-as-new payload); a retried update is answered with the unit's status as it is now.
  const appliedUpdates = new Set([
    ...(input.carried?.appliedUpdateIds ?? []),
    ...(input.carried?.appliedUpdates ?? []).map(([id]) => id),
  ]);

  let snapshot: UnitSnapshot;
  if (input.carried) {
    snapshot = unitMachine.resolveState({ value: input.carried.value, context: input.carried.context });
  } else {
    const policy = {
      reminderDaysBefore: schedule.reminderDaysBefore,
      escalation: schedule.escalation,
      revisionDays: schedule.revisionDays,
    };
    [snapshot] = initialTransition(unitMachine, {
      year,
      unit,
      policy,
      deadlines: schedule.deadlines,
      now: nominalNow(),
    });
  }

  const status = () => unitStatus(snapshot, undelivered);

  function apply(event: UnitEvent): void {
    const [next, actions] = transition(unitMachine, snapshot, event);
    snapshot = next;
    for (const action of actions) {
      if (action.type === 'notify') pending.push(action.params as NotifyParams);
    }
  }

  /**
   * Registers an update whose payload is parsed with zod and turned into one machine event. The validator
   * rejects bad input and events the machine would ignore, before anything reaches history; the handler
   * applies each update id once, also across continue-as-new.
   */
  function onUpdate<A, T>(
    def: UpdateDefinition<UnitStatus, [A]>,
    description: string,
    parse: (raw: unknown) => T,
    toEvent: (payload: T, at: number) => UnitEvent,
    /** What the handler adds that the validator must not ask: a patch, which only a handler may. */
    versioned: (event: UnitEvent) => UnitEvent = (event) => event,
  ): void {
    const validator = (raw: unknown): void => {
      if (appliedUpdates.has(currentUpdateInfo()?.id ?? '')) return;
      const event = rejectInvalid(() => toEvent(parse(raw), nominalNow()));
      if (snapshot.status === 'done') throw campaignClosed(year);
      if (!snapshot.can(event)) throw notAllowedNow(notAllowedMessage(event, status()));
    };
    const handler = (raw: unknown): UnitStatus => {
      const id = currentUpdateInfo()?.id ?? '';
      if (appliedUpdates.has(id)) return status();
      apply(versioned(toEvent(parse(raw), nominalNow())));
      appliedUpdates.add(id);
      return status();
    };
    setHandler(def, handler, { validator, description });
  }

  onUpdate(
    submitWorkPlanUpdate,
    'Unit: submit the work plan (due with the demand list by May 25)',
    (raw) => parseInput(workPlanSchema, raw, 'work plan'),
    (workPlan, at) => ({ type: 'workPlan.submit', workPlan, at }),
  );
  onUpdate(
    submitDemandListUpdate,
    'Unit: submit the demand list (Annex 1); flag items needing CNIPA coordination, with a reason',
    (raw) => parseInput(demandListSchema, raw, 'demand list'),
    (demandList, at) => ({ type: 'demandList.submit', demandList, at }),
  );
  onUpdate(
    recordActivityUpdate,
    'Unit: record an activity; the same id again replaces it',
    (raw) => parseInput(activityRecordSchema, raw, 'activity record'),
    (activity, at) => ({ type: 'activity.record', activity, at }),
  );
  onUpdate(
    submitSummaryUpdate,
    'Unit: submit the written summary and/or the results summary (Annex 2), due Nov 10',
    (raw) => parseInput(summarySubmissionSchema, raw, 'summary'),
    (summary, at) => ({ type: 'summary.submit', ...summary, at }),
  );
  onUpdate(
    returnForRevisionUpdate,
    'Operator: return a submission for revision: a new 7-day clock, never ending before the deadline it replaces',
    (raw) => parseInput(returnForRevisionSchema, raw, 'return for revision'),
    (r, at) => ({ type: 'operator.return', what: r.what, reason: r.reason, at }),
    (event) => (patched(returnKeepsLaterDeadline) ? { ...event, keepsLaterDeadline: true } : event),
  );
  onUpdate(
    grantExtensionUpdate,
    'Operator: move the plan or summary deadline to a later date',
    (raw) => parseInput(grantExtensionSchema, raw, 'extension'),
    (e, at) => ({ type: 'operator.extend', track: e.track, until: endOfDateInShanghai(e.until), at }),
  );
  onUpdate(
    remindUnitUpdate,
    'Operator: remind the unit of whatever is due now',
    (raw) => parseInput(remindUnitSchema, raw ?? {}, 'reminder'),
    (_, at) => ({ type: 'operator.remind', at }),
  );
  setHandler(unitStatusQuery, status, {
    description: "The unit's state, deadlines, escalation and what is missing",
  });
  setHandler(
    matchingFeedbackSignal,
    (feedback) => {
      if (snapshot.status !== 'done') apply({ type: 'matching.feedback', feedback, at: nominalNow() });
    },
    { description: 'From the campaign: the matching feedback for this unit' },
  );
  setHandler(
    closeCampaignSignal,
    () => {
      if (snapshot.status === 'done') return;
      // A worker that was down hears the close before its own timers that fell due earlier (signals come
      // first in a workflow task): apply those first, so the year ends the same however late the worker was.
      if (patched(applyDueTicksBeforeClose)) {
        const until = Math.min(nominalNow(), schedule.closeAt);
        for (let tick = upcoming(snapshot, schedule); tick && tick.event.at <= until; ) {
          if (!snapshot.can(tick.event)) break;
          apply(tick.event);
          tick = upcoming(snapshot, schedule);
        }
      }
      apply({ type: 'campaign.close', at: nominalNow() });
    },
    { description: 'From the campaign: the year is over; report and finish' },
  );

  const parent = workflowInfo().parent;
  const parentHandle =
    parent && getExternalWorkflowHandle(parent.workflowId, patched(parentById) ? undefined : parent.runId);
  // Each of these costs history events, so each goes out only when what it carries has changed. The
  // campaign starts each unit knowing nothing of it (noFacts).
  let upserted = '';
  let memoed = '';
  let alarm: Alarm | null = null;
  let reported = JSON.stringify(noFacts(unit.code));

  while (true) {
    while (pending.length > 0) {
      await deliver(pending[0] as NotifyParams);
      pending.shift();
    }
    // What this round reports: a change that lands while the signal below is in flight is another round's.
    const reporting = snapshot;
    const current = status();
    // Before the upsert: a patch marker keeps its place among the commands, as histories recorded it.
    const report = reportOf(current);
    setCurrentDetails(unitDetails(current));
    const attributes = unitSearchAttributes(current);
    if (JSON.stringify(attributes) !== upserted) {
      upsertSearchAttributes(attributes);
      upserted = JSON.stringify(attributes);
    }
    if (patched(progressInMemo)) {
      const memo = unitMemo(current);
      if (JSON.stringify(memo) !== memoed) {
        upsertMemo(memo);
        memoed = JSON.stringify(memo);
      }
    }
    if (parentHandle && report && JSON.stringify(report) !== reported) {
      await parentHandle.signal(unitChangedSignal, report);
      reported = JSON.stringify(report);
    }
    if (snapshot.status === 'done') {
      // The close can land while the report above is in flight, with mail for the ticks it applied still
      // pending: go round once more to send it.
      if (pending.length === 0 || !patched(deliverBeforeFinishing)) break;
      continue;
    }

    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.historyEventLimit ?? 5_000)) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof unitWorkflow>({
        ...input,
        carried: {
          value: snapshot.value,
          context: snapshot.context,
          appliedUpdateIds: [...appliedUpdates],
          undelivered,
          pending,
        },
      });
    }

    const tick = upcoming(snapshot, schedule);
    const before = patched(reportChangesDuringSignal) ? reporting : snapshot;
    // An event can leave the snapshot as it was and still ask for mail (an operator's reminder).
    const changed = () => snapshot !== before || pending.length > 0;
    if (!tick) {
      await condition(changed);
      continue;
    }
    if (patched(oneTimerPerTick)) {
      const next = alarmFor(tick.event.at);
      await condition(() => changed() || next.rang);
    } else {
      const wait = toReal(schedule.mapping, tick.event.at) - Date.now();
      if (wait > 0 && (await condition(changed, wait))) continue;
    }
    if (changed()) continue;
    // A tick the machine would ignore would spin this loop: fail the task loudly instead.
    if (!snapshot.can(tick.event))
      throw new Error(`unit machine ignores its own ${tick.event.type} in ${stateName(snapshot.value)}`);
    apply(tick.event);
  }

  await condition(allHandlersFinished);
  return { ...status(), resultsSummary: snapshot.context.resultsSummary };

  /**
   * The timer for the tick at `at`: the one already running when the next tick has not moved (most
   * changes leave it where it was), else a new one. A timer a change left behind (a submission stops its
   * clock) fires into nothing: that costs less than cancelling, which needs a scope of its own each round.
   */
  function alarmFor(at: number): Alarm {
    if (alarm?.at === at) return alarm;
    const next: Alarm = { at, rang: false };
    const ms = toReal(schedule.mapping, at) - Date.now();
    if (ms > 0)
      // Rejected only when the workflow is cancelled, which the condition waiting on it reports.
      sleep(ms).then(
        () => {
          next.rang = true;
        },
        () => undefined,
      );
    else next.rang = true;
    alarm = next;
    return next;
  }

  /** What goes to the campaign, by release; null when nothing does (a closed year: it waits for results). */
  function reportOf(current: UnitStatus): UnitFacts | UnitProgress | ProgressWithRows | null {
    if (patched(reportFactsOnly)) return snapshot.status === 'done' ? null : unitFacts(current);
    if (patched(progressWithoutRows)) return unitProgress(current);
    const { activitiesRecorded: _, ...withRows } = current;
    return withRows;
  }

  async function deliver(params: NotifyParams): Promise<void> {
    const request = notificationRequest(params, year, unit, contacts, snapshot.context.feedback);
    try {
      await sendNotification(request);
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      // A bad address must not stop the unit's year: record it for the operators and go on.
      undelivered.push(`${request.key}: ${error.cause?.message ?? error.message}`);
    }
  }
}

/** The next event time alone will bring: a reminder or escalation on the running clock, or the summary window. */
function upcoming(snapshot: UnitSnapshot, schedule: CampaignSchedule): { event: UnitEvent } | null {
  const candidates: UnitEvent[] = [];
  const track = dueTrack(snapshot);
  if (track) {
    const tick = nextTick(snapshot.context[track], snapshot.context.policy);
    if (tick) candidates.push({ type: tick.type, track, at: tick.at });
  }
  const summaryOpens: UnitEvent = { type: 'summary.open', at: schedule.phases.summary.start };
  if (snapshot.can(summaryOpens)) candidates.push(summaryOpens);
  const next = candidates.sort((a, b) => a.at - b.at)[0];
  return next ? { event: next } : null;
}

function notAllowedMessage(event: UnitEvent, current: UnitStatus): string {
  switch (event.type) {
    case 'operator.return':
      return `cannot return ${event.what} now: the unit is in state "${current.state}" and it has not been submitted, or is not under review in this phase`;
    case 'operator.extend':
      return `cannot extend the ${event.track} deadline now: the unit is in state "${current.state}"; extend only a deadline that is running, to a date after ${current[event.track].deadline}`;
    case 'operator.remind':
      return `nothing is due from unit ${current.unitCode} now (state "${current.state}")`;
    default:
      return `${event.type} is not accepted in state "${current.state}"`;
  }
}
