// A reporting unit's year, as the notice lays it out: work plan and demand list by May 25, matching
// feedback in June, activities through October, written and results summaries by Nov 10.
// Pure: `transition()` returns the `notify` actions and the unit workflow runs them as activities.
// No `after` delays: deadlines are instants in context and the workflow sleeps until them.
import { and, assertEvent, assign, setup } from 'xstate';
import { formatShanghaiDate } from '../../domain/calendar.ts';
import {
  armClock,
  armClockAtOpening,
  type DeadlinePolicy,
  daysLeft,
  deadlineAfterReturn,
  revisionDeadline,
  type TrackClock,
} from '../../domain/deadlines.ts';
import { type EscalationLevel, higherLevel, nextStep, stepAt } from '../../domain/escalation.ts';
import type { MatchingFeedback } from '../../domain/matching/decisions.ts';
import type { NotificationKind, RecipientRole, Track } from '../../domain/notices/notifications.ts';
import {
  type ActivityRecord,
  type DemandList,
  itemTrack,
  type ResultsSummary,
  type ReturnableItem,
  type WorkPlan,
  type WrittenSummary,
} from '../../domain/submissions.ts';

export interface UnitIdentity {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface UnitInput {
  year: number;
  unit: UnitIdentity;
  policy: DeadlinePolicy;
  deadlines: { plan: number; summary: number };
  /** Nominal instant the unit's year starts being tracked. */
  now: number;
}

export interface UnitContext {
  year: number;
  unit: UnitIdentity;
  policy: DeadlinePolicy;
  plan: TrackClock;
  summary: TrackClock;
  workPlan: WorkPlan | null;
  demandList: DemandList | null;
  activities: ActivityRecord[];
  writtenSummary: WrittenSummary | null;
  resultsSummary: ResultsSummary | null;
  feedback: MatchingFeedback | null;
  /** The latest return for revision, shown until the item comes back. */
  returned: { what: ReturnableItem; reason: string; at: number } | null;
}

/** Every event carries `at`, the nominal instant it happened, so the machine never reads a clock. */
export type UnitEvent =
  | { type: 'workPlan.submit'; workPlan: WorkPlan; at: number }
  | { type: 'demandList.submit'; demandList: DemandList; at: number }
  | { type: 'activity.record'; activity: ActivityRecord; at: number }
  | { type: 'summary.submit'; written?: WrittenSummary; results?: ResultsSummary; at: number }
  | {
      type: 'operator.return';
      what: ReturnableItem;
      reason: string;
      at: number;
      /** Never end the revision before the deadline it replaces (set by the workflow from 0.9.0 on). */
      keepsLaterDeadline?: boolean;
    }
  | { type: 'operator.extend'; track: Track; until: number; at: number }
  /** An operator's reminder on top of the scheduled ones, for whatever is due now. */
  | { type: 'operator.remind'; at: number }
  | { type: 'deadline.remind'; track: Track; at: number }
  | { type: 'deadline.escalate'; track: Track; at: number }
  | { type: 'matching.feedback'; feedback: MatchingFeedback; at: number }
  | { type: 'summary.open'; at: number }
  | { type: 'campaign.close'; at: number };

/** A message for the workflow to send; `key` is unique within the unit's year. */
export interface NotifyParams {
  kind: NotificationKind;
  key: string;
  recipients: RecipientRole[];
  track?: Track;
  deadline?: number;
  daysLeft?: number;
  level?: EscalationLevel;
  returned?: { what: ReturnableItem; reason: string };
}

function isComplete(context: UnitContext, track: Track): boolean {
  return track === 'plan'
    ? context.workPlan !== null && context.demandList !== null
    : context.writtenSummary !== null && context.resultsSummary !== null;
}

/** Stamps a track submitted the moment its last piece arrives, and stops its clock's ladder there. */
function settle(context: UnitContext, track: Track, at: number): TrackClock {
  const clock = context[track];
  if (!isComplete(context, track) || clock.submittedAt !== null) return clock;
  return { ...clock, submittedAt: at, level: null, pendingReminders: [] };
}

const dateKey = formatShanghaiDate;

/**
 * A state's tags say what it means to everyone outside the machine, so no one else reads state names:
 * `plan` / `summary` — that deliverable's clock runs here (reminders, escalation, extension);
 * `summaryOwed` — the written and results summaries count as due (from the window's opening to the close);
 * `allIn` — everything the year asks of the unit is in.
 */
export type UnitTag = Track | 'summaryOwed' | 'allIn';

/** Where each track's deadline runs. */
const trackState = { plan: 'planning', summary: 'summaryDue' } as const;

/** The summary window opens (Nov 1) whatever the plan's fate: the plan's clock stops, the summary's starts. */
const openSummary = { target: '#unit.summaryDue', actions: 'armSummary' } as const;

export const unitMachine = setup({
  types: {
    context: {} as UnitContext,
    events: {} as UnitEvent,
    input: {} as UnitInput,
    tags: {} as UnitTag,
  },
  guards: {
    complete: ({ context }, { track }: { track: Track }) => isComplete(context, track),
    hasFeedback: ({ context }) => context.feedback !== null,
    /** The clock event is this state's own: a plan tick means nothing while the summary is due. */
    onTrack: ({ event }, { track }: { track: Track }) => 'track' in event && event.track === track,
    // Only what has arrived can be sent back, and only while its own phase is under review.
    returns: ({ context, event }, { track }: { track: Track }) =>
      event.type === 'operator.return' && itemTrack[event.what] === track && context[event.what] !== null,
    /** An extension must move the deadline later, or it would silently shorten the unit's time. */
    extendsLater: ({ context, event }) =>
      event.type === 'operator.extend' && event.until > context[event.track].deadline,
    ladderHasNextStep: ({ context, event }) =>
      'track' in event && nextStep(context.policy.escalation, context[event.track].level) !== undefined,
    hasPendingReminder: ({ context, event }) =>
      'track' in event && context[event.track].pendingReminders.length > 0,
  },
  actions: {
    storeWorkPlan: assign(({ context, event }) => {
      assertEvent(event, 'workPlan.submit');
      const next = { ...context, workPlan: event.workPlan, returned: clearReturned(context, 'workPlan') };
      return { ...next, plan: settle(next, 'plan', event.at) };
    }),
    storeDemandList: assign(({ context, event }) => {
      assertEvent(event, 'demandList.submit');
      const next = {
        ...context,
        demandList: event.demandList,
        returned: clearReturned(context, 'demandList'),
      };
      return { ...next, plan: settle(next, 'plan', event.at) };
    }),
    storeActivity: assign(({ context, event }) => {
      assertEvent(event, 'activity.record');
      // Same id again replaces the record: a resent activity is never counted twice.
      const others = context.activities.filter((a) => a.id !== event.activity.id);
      return { activities: [...others, event.activity] };
    }),
    storeSummary: assign(({ context, event }) => {
      assertEvent(event, 'summary.submit');
      let returned = context.returned;
      if (event.written) returned = clearReturnedFrom(returned, 'writtenSummary');
      if (event.results) returned = clearReturnedFrom(returned, 'resultsSummary');
      const next = {
        ...context,
        writtenSummary: event.written ?? context.writtenSummary,
        resultsSummary: event.results ?? context.resultsSummary,
        returned,
      };
      return { ...next, summary: settle(next, 'summary', event.at) };
    }),
    storeFeedback: assign(({ event }) => {
      assertEvent(event, 'matching.feedback');
      return { feedback: event.feedback };
    }),
    remind: assign(({ context, event }) => {
      assertEvent(event, 'deadline.remind');
      const clock = context[event.track];
      return { [event.track]: { ...clock, pendingReminders: clock.pendingReminders.slice(1) } };
    }),
    escalate: assign(({ context, event }) => {
      assertEvent(event, 'deadline.escalate');
      const clock = context[event.track];
      const step = nextStep(context.policy.escalation, clock.level);
      if (!step) return {};
      return {
        [event.track]: {
          ...clock,
          pendingReminders: [],
          level: step.level,
          maxLevel: higherLevel(clock.maxLevel, step.level),
        },
      };
    }),
    extend: assign(({ context, event }) => {
      assertEvent(event, 'operator.extend');
      return { [event.track]: armClock(context[event.track], event.until, event.at, context.policy) };
    }),
    returnForRevision: assign(({ context, event }) => {
      assertEvent(event, 'operator.return');
      const track = itemTrack[event.what];
      const deadline = event.keepsLaterDeadline
        ? deadlineAfterReturn(event.at, context[track].deadline, context.policy)
        : revisionDeadline(event.at, context.policy);
      return {
        [event.what]: null,
        [track]: armClock(context[track], deadline, event.at, context.policy),
        returned: { what: event.what, reason: event.reason, at: event.at },
      };
    }),
    armSummary: assign(({ context, event }) => {
      assertEvent(event, 'summary.open');
      if (context.summary.submittedAt !== null) return {};
      return {
        summary: armClockAtOpening(context.summary, context.summary.deadline, event.at, context.policy),
      };
    }),
    // Declared so the machine is checked; the unit workflow executes it as the sendNotification activity.
    notify: (_, _params: NotifyParams) => {},
  },
}).createMachine({
  id: 'unit',
  context: ({ input }) => {
    const unarmed = { maxLevel: null };
    return {
      year: input.year,
      unit: input.unit,
      policy: input.policy,
      plan: armClock(unarmed, input.deadlines.plan, input.now, input.policy),
      summary: armClock(unarmed, input.deadlines.summary, input.now, input.policy),
      workPlan: null,
      demandList: null,
      activities: [],
      writtenSummary: null,
      resultsSummary: null,
      feedback: null,
      returned: null,
    };
  },
  initial: 'planning',
  // Submissions are accepted whenever the year is open: late ones count (and are reported as late).
  on: {
    'workPlan.submit': { actions: 'storeWorkPlan' },
    'demandList.submit': { actions: 'storeDemandList' },
    'activity.record': { actions: 'storeActivity' },
    'summary.submit': { actions: 'storeSummary' },
    'matching.feedback': { actions: ['storeFeedback', { type: 'notify', params: feedbackNotice }] },
    'campaign.close': { target: '.closed' },
  },
  states: {
    /** Work plan and demand list due (May 25). */
    planning: {
      tags: 'plan',
      initial: 'awaitingPlan',
      always: { guard: { type: 'complete', params: { track: 'plan' } }, target: 'planSubmitted' },
      on: {
        ...deadlineHandlers('plan', '#unit.planning.awaitingPlan'),
        'operator.return': returnFor('plan'),
        // Time moves on without the plan: it stays missing and the national summary lists the unit.
        'summary.open': openSummary,
      },
      states: { awaitingPlan: {}, returnedForRevision: {}, overdue: {} },
    },
    /** Plan and demands in; waiting for CNIPA's matching feedback (June 15). */
    planSubmitted: {
      always: { guard: 'hasFeedback', target: 'activities' },
      on: { 'operator.return': returnFor('plan'), 'summary.open': openSummary },
    },
    /** Feedback received; activities under way until the summary window opens. */
    activities: {
      on: { 'operator.return': returnFor('plan'), 'summary.open': openSummary },
    },
    /** Written summary and results summary due (Nov 10). */
    summaryDue: {
      tags: ['summary', 'summaryOwed'],
      initial: 'awaitingSummary',
      always: { guard: { type: 'complete', params: { track: 'summary' } }, target: 'complete' },
      on: {
        ...deadlineHandlers('summary', '#unit.summaryDue.awaitingSummary'),
        'operator.return': returnFor('summary'),
      },
      states: { awaitingSummary: {}, returnedForRevision: {}, overdue: {} },
    },
    /** Everything in. An operator can still return the summary until the campaign closes. */
    complete: {
      tags: ['summaryOwed', 'allIn'],
      on: { 'operator.return': returnFor('summary') },
    },
    closed: { type: 'final', tags: 'summaryOwed' },
  },
});

/** A running deadline: scheduled reminders, an operator's reminder, the escalation ladder, an extension. */
function deadlineHandlers(track: Track, awaiting: string) {
  const own = { type: 'onTrack', params: { track } } as const;
  return {
    'operator.remind': { actions: { type: 'notify', params: manualReminder(track) } },
    'deadline.remind': {
      guard: and([own, 'hasPendingReminder']),
      actions: [{ type: 'notify', params: reminderNotice }, 'remind'],
    },
    'deadline.escalate': {
      guard: and([own, 'ladderHasNextStep']),
      target: `#unit.${trackState[track]}.overdue`,
      actions: ['escalate', { type: 'notify', params: escalationNotice }],
    },
    'operator.extend': {
      guard: and([own, 'extendsLater']),
      target: awaiting,
      actions: ['extend', { type: 'notify', params: extensionNotice }],
    },
  } as const;
}

/** An operator sends an item back: its track's clock restarts for the revision. */
function returnFor(track: Track) {
  return {
    guard: { type: 'returns', params: { track } },
    target: `#unit.${trackState[track]}.returnedForRevision`,
    actions: ['returnForRevision', { type: 'notify', params: returnNotice }],
  } as const;
}

function clearReturned(context: UnitContext, item: ReturnableItem): UnitContext['returned'] {
  return clearReturnedFrom(context.returned, item);
}

function clearReturnedFrom(returned: UnitContext['returned'], item: ReturnableItem): UnitContext['returned'] {
  return returned?.what === item ? null : returned;
}

type ParamArgs = { context: UnitContext; event: UnitEvent };

function reminderNotice({ context, event }: ParamArgs): NotifyParams {
  assertEvent(event, 'deadline.remind');
  const clock = context[event.track];
  const left = daysLeft(clock.deadline, event.at);
  return {
    kind: 'deadline.reminder',
    key: `${event.track}/reminder-${left}d-before-${dateKey(clock.deadline)}`,
    recipients: ['unitOffice'],
    track: event.track,
    deadline: clock.deadline,
    daysLeft: left,
  };
}

function escalationNotice({ context, event }: ParamArgs): NotifyParams {
  assertEvent(event, 'deadline.escalate');
  // Runs after `escalate`, so the clock already stands at the new level.
  const clock = context[event.track];
  const step = stepAt(context.policy.escalation, clock.level);
  if (!step) throw new Error(`escalation without a level on ${event.track}`);
  return {
    kind: `deadline.${step.level}`,
    key: `${event.track}/${step.level}-${dateKey(clock.deadline)}`,
    recipients: step.recipients,
    track: event.track,
    deadline: clock.deadline,
    level: step.level,
  };
}

function extensionNotice({ context, event }: ParamArgs): NotifyParams {
  assertEvent(event, 'operator.extend');
  return {
    kind: 'deadline.extended',
    key: `${event.track}/extended-to-${dateKey(context[event.track].deadline)}`,
    recipients: ['unitOffice'],
    track: event.track,
    deadline: context[event.track].deadline,
  };
}

function returnNotice({ context, event }: ParamArgs): NotifyParams {
  assertEvent(event, 'operator.return');
  const track = itemTrack[event.what];
  return {
    kind: 'submission.returned',
    key: `${track}/returned-${event.what}-${event.at}`,
    recipients: ['unitOffice'],
    track,
    deadline: context[track].deadline,
    returned: { what: event.what, reason: event.reason },
  };
}

/** Before the deadline a reminder; past it, the notice of the level the unit stands at, sent again. */
function manualReminder(track: Track) {
  return ({ context, event }: ParamArgs): NotifyParams => {
    assertEvent(event, 'operator.remind');
    const clock = context[track];
    const step = stepAt(context.policy.escalation, clock.level);
    return {
      kind: step ? `deadline.${step.level}` : 'deadline.reminder',
      key: `${track}/operator-reminder-${event.at}`,
      recipients: step?.recipients ?? ['unitOffice'],
      track,
      deadline: clock.deadline,
      ...(step ? { level: step.level } : { daysLeft: daysLeft(clock.deadline, event.at) }),
    };
  };
}

function feedbackNotice({ event }: ParamArgs): NotifyParams {
  assertEvent(event, 'matching.feedback');
  return {
    kind: 'matching.feedback',
    key: 'matching/feedback',
    recipients: ['unitOffice', 'pairedResource'],
  };
}
