// A unit's standing on the dashboard, from its progress and today's date: every colour of the legend.
import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../../client/operations/calendar/workingCalendar.ts';
import { unitStanding } from '../../../client/operations/describe/standing.ts';
import type { EscalationLevel } from '../../../domain/escalation.ts';
import type { TrackStatus, UnitProgress } from '../../../workflows/shared/status.ts';

const clock = (deadline: string, over: Partial<TrackStatus> = {}): TrackStatus => ({
  deadline,
  submittedAt: null,
  level: null,
  maxLevel: null,
  ...over,
});

/** Beijing in the survey: plan and demand list due 2026-05-25, nothing in. */
function unit(over: Partial<UnitProgress> = {}): UnitProgress {
  return {
    year: 2026,
    unitCode: '11',
    nameZh: '北京市知识产权局',
    nameEn: 'Beijing IP Office',
    state: 'planning.awaitingPlan',
    due: 'plan',
    overdue: false,
    escalationLevel: null,
    missing: ['workPlan', 'demandList'],
    nextDeadline: { track: 'plan', date: '2026-05-25' },
    plan: clock('2026-05-25'),
    summary: clock('2026-11-10'),
    flaggedDemandIds: [],
    feedbackReceived: false,
    returned: null,
    undelivered: [],
    ...over,
  };
}

function escalated(level: EscalationLevel): UnitProgress {
  return unit({
    state: 'planning.overdue',
    overdue: true,
    escalationLevel: level,
    nextDeadline: null,
    plan: clock('2026-05-25', { level, maxLevel: level }),
  });
}

/** The campaign's calendar as its status gives it: the 2022 notice's reminders, 7 days and 1 day before. */
const calendar = { reminderDaysBefore: [7, 1] };

describe('a unit’s standing', () => {
  it('is on time while the deadline is more than 7 days away, with what is missing and the days left', () => {
    expect(unitStanding(unit(), '2026-05-01', calendar)).toEqual({
      standing: 'ontime',
      track: 'plan',
      deadline: '2026-05-25',
      daysLeft: 24,
      missing: ['workPlan', 'demandList'],
    });
  });

  it('is due soon from 7 days before the deadline to its last day', () => {
    expect(unitStanding(unit(), '2026-05-17', calendar)).toMatchObject({ standing: 'ontime', daysLeft: 8 });
    expect(unitStanding(unit(), '2026-05-18', calendar)).toMatchObject({ standing: 'soon', daysLeft: 7 });
    expect(unitStanding(unit(), '2026-05-25', calendar)).toMatchObject({ standing: 'soon', daysLeft: 0 });
  });

  it("is due soon from the campaign's own first reminder, not the default calendar's", () => {
    const twoWeeks = { reminderDaysBefore: [14, 3] };
    expect(unitStanding(unit(), '2026-05-10', twoWeeks)).toMatchObject({ standing: 'ontime', daysLeft: 15 });
    expect(unitStanding(unit(), '2026-05-11', twoWeeks)).toMatchObject({ standing: 'soon', daysLeft: 14 });
    expect(unitStanding(unit(), '2026-05-11', calendar)).toMatchObject({ standing: 'ontime', daysLeft: 14 });
    expect(unitStanding(unit(), '2026-05-20', { reminderDaysBefore: [3] })).toMatchObject({
      standing: 'ontime',
      daysLeft: 5,
    });
  });

  it('is due soon from 7 days on when the campaign answered before its status carried its reminders', () => {
    expect(unitStanding(unit(), '2026-05-17', {})).toMatchObject({ standing: 'ontime', daysLeft: 8 });
    expect(unitStanding(unit(), '2026-05-18', {})).toMatchObject({ standing: 'soon', daysLeft: 7 });
  });

  it("is due soon on the deadline's last day alone when the campaign sends no reminders", () => {
    expect(unitStanding(unit(), '2026-05-24', { reminderDaysBefore: [] })).toMatchObject({
      standing: 'ontime',
    });
    expect(unitStanding(unit(), '2026-05-25', { reminderDaysBefore: [] })).toMatchObject({
      standing: 'soon',
    });
  });

  it('is the escalation level the unit has reached: 逾期, 催办, 督办', () => {
    expect(unitStanding(escalated('overdue'), '2026-05-26', calendar)).toMatchObject({
      standing: 'overdue',
      daysLeft: -1,
    });
    expect(unitStanding(escalated('urging'), '2026-05-29', calendar)).toMatchObject({ standing: 'urging' });
    expect(unitStanding(escalated('supervision'), '2026-06-02', calendar)).toMatchObject({
      standing: 'supervision',
      daysLeft: -8,
    });
  });

  it('is overdue once the deadline has passed, before the workflow has escalated', () => {
    expect(unitStanding(unit(), '2026-05-26', calendar)).toMatchObject({ standing: 'overdue', daysLeft: -1 });
  });

  it('names only what is missing of the deliverable it is about', () => {
    const demandsIn = unit({ missing: ['workPlan'] });
    expect(unitStanding(demandsIn, '2026-05-20', calendar)).toMatchObject({
      standing: 'soon',
      missing: ['workPlan'],
    });
  });

  it('is complete when nothing due is missing, whatever the date', () => {
    const planIn = unit({
      state: 'planSubmitted',
      due: null,
      missing: [],
      nextDeadline: null,
      plan: clock('2026-05-25', { submittedAt: '2026-05-20' }),
    });
    expect(unitStanding(planIn, '2026-07-01', calendar)).toEqual({
      standing: 'complete',
      track: null,
      deadline: null,
      daysLeft: null,
      missing: [],
    });
  });

  it('keeps a plan never sent at the level it reached, over a summary still on time', () => {
    const planNeverIn = unit({
      state: 'summaryDue.awaitingSummary',
      due: 'summary',
      missing: ['workPlan', 'demandList', 'writtenSummary', 'resultsSummary'],
      nextDeadline: { track: 'summary', date: '2026-11-10' },
      plan: clock('2026-05-25', { maxLevel: 'supervision' }),
    });
    expect(unitStanding(planNeverIn, '2026-11-02', calendar)).toMatchObject({
      standing: 'supervision',
      track: 'plan',
      missing: ['workPlan', 'demandList'],
    });
  });

  it('is about the summary once the plan is in and the summary window is open', () => {
    const summaryDue = unit({
      state: 'summaryDue.awaitingSummary',
      due: 'summary',
      missing: ['resultsSummary'],
      plan: clock('2026-05-25', { submittedAt: '2026-05-24' }),
    });
    expect(unitStanding(summaryDue, '2026-11-05', calendar)).toMatchObject({
      standing: 'soon',
      track: 'summary',
      daysLeft: 5,
      missing: ['resultsSummary'],
    });
  });

  it('after the close, lists a summary never sent as at least overdue', () => {
    const closed = unit({
      state: 'closed',
      due: null,
      missing: ['writtenSummary'],
      plan: clock('2026-05-25', { submittedAt: '2026-05-24' }),
      summary: clock('2026-11-10', { maxLevel: 'urging' }),
    });
    expect(unitStanding(closed, '2026-11-21', calendar)).toMatchObject({
      standing: 'urging',
      track: 'summary',
    });
    const neverEscalated = { ...closed, summary: clock('2026-11-10') };
    expect(unitStanding(neverEscalated, '2026-11-21', calendar)).toMatchObject({ standing: 'overdue' });
  });

  it('counts "due soon" in working days when the year has a working calendar', async () => {
    const workingDays = await workingCalendar({ years: [2026] });
    // Plan due Friday May 8: its first reminder, 7 working days before (May 1–5 off), is Friday April 24.
    const may8 = unit({ plan: clock('2026-05-08'), nextDeadline: { track: 'plan', date: '2026-05-08' } });
    const counted = { reminderDaysBefore: [7, 1], workingDays };
    expect(unitStanding(may8, '2026-04-23', counted)).toMatchObject({ standing: 'ontime', daysLeft: 15 });
    expect(unitStanding(may8, '2026-04-24', counted)).toMatchObject({ standing: 'soon', daysLeft: 14 });
    expect(unitStanding(may8, '2026-04-24', calendar)).toMatchObject({ standing: 'ontime' });
  });
});
