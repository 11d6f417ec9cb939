import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnyStateNode, initialTransition, transition } from 'xstate';
import {
  DAY_MS,
  defaultCalendarConfig,
  endOfDateInShanghai,
  resolveCalendar,
} from '../../../domain/calendar.ts';
import { nextTick } from '../../../domain/deadlines.ts';
import { stateName } from '../../../workflows/shared/status.ts';
import {
  type NotifyParams,
  type UnitEvent,
  type UnitInput,
  unitMachine,
} from '../../../workflows/unit/unitMachine.ts';
import { sampleDemandList, sampleResults, sampleWorkPlan, sampleWritten } from '../../support/samples.ts';

const schedule = resolveCalendar(defaultCalendarConfig, 2022);
const at = (date: string, hour = 12) => endOfDateInShanghai(date) - DAY_MS + 1 + (hour - 8) * 3_600_000;

const input: UnitInput = {
  year: 2022,
  unit: { code: '11', nameZh: '北京市知识产权局', nameEn: 'Beijing Intellectual Property Office' },
  policy: {
    reminderDaysBefore: schedule.reminderDaysBefore,
    escalation: schedule.escalation,
    revisionDays: schedule.revisionDays,
  },
  deadlines: schedule.deadlines,
  now: schedule.phases.launch.start,
};

type Snapshot = ReturnType<typeof initialTransition<typeof unitMachine>>[0];

function run(events: UnitEvent[]): { snapshot: Snapshot; notices: NotifyParams[] } {
  let [snapshot] = initialTransition(unitMachine, input);
  const notices: NotifyParams[] = [];
  for (const event of events) {
    const [next, actions] = transition(unitMachine, snapshot, event);
    snapshot = next;
    for (const action of actions) if (action.type === 'notify') notices.push(action.params as NotifyParams);
  }
  return { snapshot, notices };
}

const submitPlan = (date: string): UnitEvent[] => [
  { type: 'workPlan.submit', workPlan: sampleWorkPlan(), at: at(date) },
  { type: 'demandList.submit', demandList: sampleDemandList(), at: at(date) },
];
const feedback = (date: string): UnitEvent => ({
  type: 'matching.feedback',
  feedback: { matches: [], pairedResourceIds: [], keyGuidanceRegion: false, exchangeHosts: [] },
  at: at(date),
});
const submitSummary = (date: string): UnitEvent => ({
  type: 'summary.submit',
  written: sampleWritten(),
  results: sampleResults(),
  at: at(date),
});

describe('the unit machine', () => {
  it('starts awaiting the plan with reminders 7 and 1 days before May 25, at 09:00', () => {
    const { snapshot } = run([]);
    expect(snapshot.value).toEqual({ planning: 'awaitingPlan' });
    expect(snapshot.context.plan.deadline).toBe(Date.parse('2022-05-25T23:59:59.999+08:00'));
    expect(snapshot.context.plan.pendingReminders).toEqual([
      Date.parse('2022-05-18T09:00:00+08:00'),
      Date.parse('2022-05-24T09:00:00+08:00'),
    ]);
  });

  it('walks an on-time unit through its whole year', () => {
    const { snapshot, notices } = run([
      ...submitPlan('2022-05-10'),
      feedback('2022-06-15'),
      { type: 'summary.open', at: schedule.phases.summary.start },
      submitSummary('2022-11-05'),
      { type: 'campaign.close', at: schedule.closeAt },
    ]);
    expect(snapshot.value).toBe('closed');
    expect(snapshot.status).toBe('done');
    expect(snapshot.context.plan.submittedAt).toBe(at('2022-05-10'));
    expect(snapshot.context.summary.submittedAt).toBe(at('2022-11-05'));
    expect(notices.map((n) => n.kind)).toEqual(['matching.feedback']);
  });

  it('needs both the work plan and the demand list before the plan counts as submitted', () => {
    const [first] = submitPlan('2022-05-10');
    const { snapshot } = run([first as UnitEvent]);
    expect(snapshot.value).toEqual({ planning: 'awaitingPlan' });
    expect(snapshot.context.plan.submittedAt).toBeNull();
  });

  it('climbs the escalation ladder 逾期 → 催办 → 督办 and no further', () => {
    const late: UnitEvent[] = [
      { type: 'deadline.remind', track: 'plan', at: Date.parse('2022-05-18T09:00:00+08:00') },
      { type: 'deadline.remind', track: 'plan', at: Date.parse('2022-05-24T09:00:00+08:00') },
      { type: 'deadline.escalate', track: 'plan', at: Date.parse('2022-05-25T23:59:59.999+08:00') },
      { type: 'deadline.escalate', track: 'plan', at: Date.parse('2022-05-28T09:00:00+08:00') },
      { type: 'deadline.escalate', track: 'plan', at: Date.parse('2022-06-01T09:00:00+08:00') },
    ];
    const { snapshot, notices } = run(late);
    expect(snapshot.value).toEqual({ planning: 'overdue' });
    expect(snapshot.context.plan.level).toBe('supervision');
    expect(notices.map((n) => [n.kind, n.daysLeft ?? null, n.recipients.join('+')])).toEqual([
      ['deadline.reminder', 7, 'unitOffice'],
      ['deadline.reminder', 1, 'unitOffice'],
      ['deadline.overdue', null, 'unitOffice'],
      ['deadline.urging', null, 'unitOffice+unitLeadership'],
      ['deadline.supervision', null, 'unitOffice+unitLeadership+pairedResource+promotionDepartment'],
    ]);
    expect(nextTick(snapshot.context.plan, snapshot.context.policy)).toBeNull();
    expect(snapshot.can({ type: 'deadline.escalate', track: 'plan', at: at('2022-06-10') })).toBe(false);
  });

  it('keeps the highest level reached after a late plan finally arrives', () => {
    const { snapshot } = run([
      { type: 'deadline.escalate', track: 'plan', at: at('2022-05-26') },
      { type: 'deadline.escalate', track: 'plan', at: at('2022-05-28') },
      ...submitPlan('2022-05-30'),
    ]);
    expect(snapshot.value).toBe('planSubmitted');
    expect(snapshot.context.plan.level).toBeNull();
    expect(snapshot.context.plan.maxLevel).toBe('urging');
  });

  it('grants an extension: the clock restarts at the new date and the ladder resets', () => {
    const until = endOfDateInShanghai('2022-06-05');
    const { snapshot, notices } = run([
      { type: 'deadline.escalate', track: 'plan', at: at('2022-05-26') },
      { type: 'operator.extend', track: 'plan', until, at: at('2022-05-27') },
    ]);
    expect(snapshot.value).toEqual({ planning: 'awaitingPlan' });
    expect(snapshot.context.plan).toMatchObject({ deadline: until, level: null, maxLevel: 'overdue' });
    expect(snapshot.context.plan.pendingReminders).toEqual([
      Date.parse('2022-05-29T09:00:00+08:00'),
      Date.parse('2022-06-04T09:00:00+08:00'),
    ]);
    expect(notices.at(-1)).toMatchObject({ kind: 'deadline.extended', deadline: until });
  });

  it('sends an operator reminder before the deadline and the current level after it', () => {
    const before = run([{ type: 'operator.remind', at: at('2022-05-20') }]);
    expect(before.notices).toEqual([
      expect.objectContaining({ kind: 'deadline.reminder', daysLeft: 5, recipients: ['unitOffice'] }),
    ]);
    const after = run([
      { type: 'deadline.escalate', track: 'plan', at: at('2022-05-26') },
      { type: 'deadline.escalate', track: 'plan', at: at('2022-05-28') },
      { type: 'operator.remind', at: at('2022-05-29') },
    ]);
    expect(after.notices.at(-1)).toMatchObject({
      kind: 'deadline.urging',
      key: `plan/operator-reminder-${at('2022-05-29')}`,
      recipients: ['unitOffice', 'unitLeadership'],
    });
    const complete = run([...submitPlan('2022-05-10'), feedback('2022-06-15')]);
    expect(complete.snapshot.can({ type: 'operator.remind', at: at('2022-06-20') })).toBe(false);
  });

  it('refuses an extension that would shorten the deadline', () => {
    const { snapshot } = run([]);
    const earlier = endOfDateInShanghai('2022-05-20');
    expect(
      snapshot.can({ type: 'operator.extend', track: 'plan', until: earlier, at: at('2022-05-01') }),
    ).toBe(false);
  });

  it('returns a submitted work plan for revision with a 7-day clock, then takes the resubmission', () => {
    const returnedAt = at('2022-05-18');
    const { snapshot, notices } = run([
      ...submitPlan('2022-05-15'),
      { type: 'operator.return', what: 'workPlan', reason: '活动安排不具体', at: returnedAt },
    ]);
    expect(snapshot.value).toEqual({ planning: 'returnedForRevision' });
    expect(snapshot.context.workPlan).toBeNull();
    expect(snapshot.context.demandList).not.toBeNull();
    expect(snapshot.context.plan.deadline).toBe(endOfDateInShanghai('2022-05-25'));
    expect(notices.at(-1)).toMatchObject({
      kind: 'submission.returned',
      returned: { what: 'workPlan', reason: '活动安排不具体' },
    });

    const [resubmitted] = transition(unitMachine, snapshot, {
      type: 'workPlan.submit',
      workPlan: sampleWorkPlan(),
      at: at('2022-05-22'),
    });
    expect(resubmitted.value).toBe('planSubmitted');
    expect(resubmitted.context.returned).toBeNull();
    expect(resubmitted.context.plan.submittedAt).toBe(at('2022-05-22'));
  });

  it('never lets a return for revision end before the deadline it replaces', () => {
    const early = {
      type: 'operator.return',
      what: 'workPlan',
      reason: 'r',
      keepsLaterDeadline: true,
    } as const;
    const { snapshot } = run([...submitPlan('2022-04-20'), { ...early, at: at('2022-04-22') }]);
    expect(snapshot.context.plan.deadline).toBe(endOfDateInShanghai('2022-05-25'));
    expect(snapshot.context.plan.pendingReminders.length).toBe(2);

    const late = run([...submitPlan('2022-05-24'), { ...early, at: at('2022-05-24') }]).snapshot;
    expect(late.context.plan.deadline).toBe(endOfDateInShanghai('2022-05-31'));
  });

  it('as years before 0.9.0 recorded it, a return gave 7 days from the return even before the deadline', () => {
    const { snapshot } = run([
      ...submitPlan('2022-04-20'),
      { type: 'operator.return', what: 'workPlan', reason: 'r', at: at('2022-04-22') },
    ]);
    expect(snapshot.context.plan.deadline).toBe(endOfDateInShanghai('2022-04-29'));
  });

  it('cannot return what has not arrived', () => {
    const { snapshot } = run([]);
    expect(
      snapshot.can({ type: 'operator.return', what: 'workPlan', reason: 'x', at: at('2022-05-01') }),
    ).toBe(false);
  });

  it('moves a unit without a plan on to the summary when its window opens, the plan still missing', () => {
    const { snapshot } = run([
      { type: 'deadline.escalate', track: 'plan', at: at('2022-05-26') },
      { type: 'summary.open', at: schedule.phases.summary.start },
    ]);
    expect(snapshot.value).toEqual({ summaryDue: 'awaitingSummary' });
    expect(snapshot.context.plan.submittedAt).toBeNull();
    expect(snapshot.context.plan.maxLevel).toBe('overdue');
    expect(snapshot.context.summary.pendingReminders).toEqual([
      Date.parse('2022-11-03T09:00:00+08:00'),
      Date.parse('2022-11-09T09:00:00+08:00'),
    ]);
  });

  it('counts an activity sent twice once', () => {
    const activity = {
      id: 'bj-2022-001',
      title: '专利导航进园区',
      startDate: '2022-06-01',
      endDate: '2022-06-01',
      place: '中关村',
      form: 'offline' as const,
      type: 'lecture' as const,
      keyTask: 2,
      organisers: ['北京市知识产权局'],
      participants: 80,
      enterprisesServed: 30,
      outcome: '解答问题 45 个',
    };
    const { snapshot } = run([
      { type: 'activity.record', activity, at: at('2022-06-02') },
      { type: 'activity.record', activity: { ...activity, participants: 85 }, at: at('2022-06-03') },
    ]);
    expect(snapshot.context.activities).toHaveLength(1);
    expect(snapshot.context.activities[0]?.participants).toBe(85);
  });

  it('returns a submitted summary from complete, and completes again on resubmission', () => {
    const { snapshot } = run([
      ...submitPlan('2022-05-10'),
      feedback('2022-06-15'),
      { type: 'summary.open', at: schedule.phases.summary.start },
      submitSummary('2022-11-05'),
      { type: 'operator.return', what: 'resultsSummary', reason: '数据不完整', at: at('2022-11-06') },
    ]);
    expect(snapshot.value).toEqual({ summaryDue: 'returnedForRevision' });
    expect(snapshot.context.summary.deadline).toBe(endOfDateInShanghai('2022-11-13'));
    const [again] = transition(unitMachine, snapshot, {
      type: 'summary.submit',
      results: sampleResults(),
      at: at('2022-11-08'),
    });
    expect(again.value).toBe('complete');
  });
});

describe('the unit machine under random event sequences', () => {
  const leafStates = collectLeaves(unitMachine.root);

  const eventArb: fc.Arbitrary<(t: number) => UnitEvent> = fc.oneof(
    fc.constant((t: number) => ({ type: 'workPlan.submit', workPlan: sampleWorkPlan(), at: t }) as const),
    fc.constant(
      (t: number) => ({ type: 'demandList.submit', demandList: sampleDemandList(), at: t }) as const,
    ),
    fc.constantFrom('written', 'results', 'both').map(
      (which) => (t: number) =>
        ({
          type: 'summary.submit',
          ...(which !== 'results' && { written: sampleWritten() }),
          ...(which !== 'written' && { results: sampleResults() }),
          at: t,
        }) as const,
    ),
    fc
      .constantFrom('workPlan', 'demandList', 'writtenSummary', 'resultsSummary')
      .map((what) => (t: number) => ({ type: 'operator.return', what, reason: 'r', at: t }) as const),
    fc.tuple(fc.constantFrom('plan', 'summary'), fc.integer({ min: 1, max: 30 })).map(
      ([track, days]) =>
        (t: number) =>
          ({ type: 'operator.extend', track, until: t + days * DAY_MS, at: t }) as const,
    ),
    fc
      .constantFrom('plan', 'summary')
      .map((track) => (t: number) => ({ type: 'deadline.remind', track, at: t }) as const),
    fc
      .constantFrom('plan', 'summary')
      .map((track) => (t: number) => ({ type: 'deadline.escalate', track, at: t }) as const),
    fc.constant((t: number) => feedbackAt(t)),
    fc.constant((t: number) => ({ type: 'operator.remind', at: t }) as const),
    fc.constant((t: number) => ({ type: 'summary.open', at: t }) as const),
    fc.constant((t: number) => ({ type: 'campaign.close', at: t }) as const),
  );

  it('never breaks its invariants, and every state is reachable', () => {
    const visited = new Set<string>();
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (makers) => {
        let [snapshot] = initialTransition(unitMachine, input);
        let t = input.now;
        for (const make of makers) {
          t += DAY_MS;
          snapshot = transition(unitMachine, snapshot, make(t))[0];
          visited.add(stateName(snapshot.value));
          const c = snapshot.context;
          const planIn = c.workPlan !== null && c.demandList !== null;
          const summaryIn = c.writtenSummary !== null && c.resultsSummary !== null;
          if (snapshot.matches('planSubmitted') || snapshot.matches('activities')) expect(planIn).toBe(true);
          if (snapshot.matches('activities')) expect(c.feedback).not.toBeNull();
          if (snapshot.matches('planning')) expect(planIn).toBe(false);
          if (snapshot.matches('complete')) expect(summaryIn).toBe(true);
          if (snapshot.matches({ summaryDue: 'awaitingSummary' })) expect(summaryIn).toBe(false);
          for (const clock of [c.plan, c.summary]) {
            if (clock.submittedAt !== null) expect(clock.level).toBeNull();
            if (clock.level !== null) expect(clock.maxLevel).not.toBeNull();
          }
          if (snapshot.matches({ planning: 'overdue' })) expect(c.plan.level).not.toBeNull();
          if (snapshot.matches({ summaryDue: 'overdue' })) expect(c.summary.level).not.toBeNull();
        }
      }),
      { numRuns: 3000, seed: 20220424 },
    );
    expect([...visited].sort()).toEqual([...leafStates].sort());
  });
});

function feedbackAt(t: number): UnitEvent {
  return {
    type: 'matching.feedback',
    feedback: { matches: [], pairedResourceIds: [], keyGuidanceRegion: false, exchangeHosts: [] },
    at: t,
  };
}

function collectLeaves(node: AnyStateNode, prefix = ''): string[] {
  const children = Object.values(node.states);
  if (children.length === 0) return [prefix];
  return children.flatMap((child) => collectLeaves(child, prefix ? `${prefix}.${child.key}` : child.key));
}
