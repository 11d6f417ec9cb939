// What a unit's workflow answers: the unit's and the operators' updates, the status query, and the
// campaign's signals. Each update's payload is parsed with zod and turned into one machine event.
import type { UpdateDefinition } from '@temporalio/common';
import { currentUpdateInfo, patched, setHandler } from '@temporalio/workflow';
import { endOfDateInShanghai } from '../../domain/calendar.ts';
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
  unitStatusQuery,
} from '../shared/messages.ts';
import type { UnitStatus } from '../shared/status.ts';
import { upcoming } from './clock.ts';
import { applyDueTicksBeforeClose, returnKeepsLaterDeadline } from './patches.ts';
import type { UnitEvent } from './unitMachine.ts';
import type { UnitRun } from './unitRun.ts';

/** Sets every handler, in the order histories recorded them. */
export function setUnitHandlers(run: UnitRun): void {
  onUpdate(
    run,
    submitWorkPlanUpdate,
    'Unit: submit the work plan (due with the demand list by May 25)',
    (raw) => parseInput(workPlanSchema, raw, 'work plan'),
    (workPlan, at) => ({ type: 'workPlan.submit', workPlan, at }),
  );
  onUpdate(
    run,
    submitDemandListUpdate,
    'Unit: submit the demand list (Annex 1); flag items needing CNIPA coordination, with a reason',
    (raw) => parseInput(demandListSchema, raw, 'demand list'),
    (demandList, at) => ({ type: 'demandList.submit', demandList, at }),
  );
  onUpdate(
    run,
    recordActivityUpdate,
    'Unit: record an activity; the same id again replaces it',
    (raw) => parseInput(activityRecordSchema, raw, 'activity record'),
    (activity, at) => ({ type: 'activity.record', activity, at }),
  );
  onUpdate(
    run,
    submitSummaryUpdate,
    'Unit: submit the written summary and/or the results summary (Annex 2), due Nov 10',
    (raw) => parseInput(summarySubmissionSchema, raw, 'summary'),
    (summary, at) => ({ type: 'summary.submit', ...summary, at }),
  );
  onUpdate(
    run,
    returnForRevisionUpdate,
    'Operator: return a submission for revision: a new 7-day clock, never ending before the deadline it replaces',
    (raw) => parseInput(returnForRevisionSchema, raw, 'return for revision'),
    (r, at) => ({ type: 'operator.return', what: r.what, reason: r.reason, at }),
    (event) => (patched(returnKeepsLaterDeadline) ? { ...event, keepsLaterDeadline: true } : event),
  );
  onUpdate(
    run,
    grantExtensionUpdate,
    'Operator: move the plan or summary deadline to a later date',
    (raw) => parseInput(grantExtensionSchema, raw, 'extension'),
    (e, at) => ({ type: 'operator.extend', track: e.track, until: endOfDateInShanghai(e.until), at }),
  );
  onUpdate(
    run,
    remindUnitUpdate,
    'Operator: remind the unit of whatever is due now',
    (raw) => parseInput(remindUnitSchema, raw ?? {}, 'reminder'),
    (_, at) => ({ type: 'operator.remind', at }),
  );
  setHandler(unitStatusQuery, run.status, {
    description: "The unit's state, deadlines, escalation and what is missing",
  });
  setHandler(
    matchingFeedbackSignal,
    (feedback) => {
      if (run.snapshot.status !== 'done')
        run.apply({ type: 'matching.feedback', feedback, at: run.nominalNow() });
    },
    { description: 'From the campaign: the matching feedback for this unit' },
  );
  setHandler(closeCampaignSignal, () => closeYear(run), {
    description: 'From the campaign: the year is over; report and finish',
  });
}

/**
 * Registers an update whose payload is parsed with zod and turned into one machine event. The validator
 * rejects bad input and events the machine would ignore, before anything reaches history; the handler
 * applies each update id once, also across continue-as-new.
 */
function onUpdate<A, T>(
  run: UnitRun,
  def: UpdateDefinition<UnitStatus, [A]>,
  description: string,
  parse: (raw: unknown) => T,
  toEvent: (payload: T, at: number) => UnitEvent,
  /** What the handler adds that the validator must not ask: a patch, which only a handler may. */
  versioned: (event: UnitEvent) => UnitEvent = (event) => event,
): void {
  const validator = (raw: unknown): void => {
    if (run.appliedUpdates.has(currentUpdateInfo()?.id ?? '')) return;
    const event = rejectInvalid(() => toEvent(parse(raw), run.nominalNow()));
    if (run.snapshot.status === 'done') throw campaignClosed(run.input.year);
    if (!run.snapshot.can(event)) throw notAllowedNow(notAllowedMessage(event, run.status()));
  };
  const handler = (raw: unknown): UnitStatus => {
    const id = currentUpdateInfo()?.id ?? '';
    if (run.appliedUpdates.has(id)) return run.status();
    run.apply(versioned(toEvent(parse(raw), run.nominalNow())));
    run.appliedUpdates.add(id);
    return run.status();
  };
  setHandler(def, handler, { validator, description });
}

function closeYear(run: UnitRun): void {
  if (run.snapshot.status === 'done') return;
  // A worker that was down hears the close before its own timers that fell due earlier (signals come
  // first in a workflow task): apply those first, so the year ends the same however late the worker was.
  if (patched(applyDueTicksBeforeClose)) {
    const { schedule } = run.input;
    const until = Math.min(run.nominalNow(), schedule.closeAt);
    for (let tick = upcoming(run.snapshot, schedule); tick && tick.event.at <= until; ) {
      if (!run.snapshot.can(tick.event)) break;
      run.apply(tick.event);
      tick = upcoming(run.snapshot, schedule);
    }
  }
  run.apply({ type: 'campaign.close', at: run.nominalNow() });
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
