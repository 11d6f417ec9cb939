// A deliverable's clock: its deadline, the reminders still to send before it, and how far past it
// the escalation ladder (escalation.ts) has climbed. Pure; the unit machine keeps one per track in its context.

import type { WorkingDays } from './calendar/workingDays.ts';
import {
  firstWorkingMorning,
  workingOffsetFromDeadline,
  workingRevisionDeadline,
} from './calendar/workingSchedule.ts';
import { DAY_MS, daysBetween, endOfLocalDay, formatShanghaiDate, offsetFromDeadline } from './calendar.ts';
import { type EscalationLevel, type EscalationStep, nextStep } from './escalation.ts';

export interface DeadlinePolicy {
  reminderDaysBefore: number[];
  escalation: EscalationStep[];
  revisionDays: number;
  /** With it, offsets and the revision count working days (from 0.11.0); calendar days without. */
  workingDays?: WorkingDays;
}

export interface TrackClock {
  deadline: number;
  /** Nominal instants of reminders not yet sent, earliest first. */
  pendingReminders: number[];
  /** Where the ladder stands now; null until the deadline passes, and again after submission or extension. */
  level: EscalationLevel | null;
  /** The highest level reached this year: what the national summary's 通报 list reports. */
  maxLevel: EscalationLevel | null;
  /** When the track was last completed; null while something is missing. */
  submittedAt: number | null;
}

/** The instant of a notice `days` from the deadline: in working days when the policy has a calendar. */
function noticeAt(policy: Pick<DeadlinePolicy, 'workingDays'>, deadline: number, days: number): number {
  return policy.workingDays
    ? workingOffsetFromDeadline(policy.workingDays, deadline, days)
    : offsetFromDeadline(deadline, days);
}

/** (Re)starts a clock at `deadline`: reminders already in the past at `now` are dropped, not sent late. */
export function armClock(
  clock: Pick<TrackClock, 'maxLevel'>,
  deadline: number,
  now: number,
  policy: DeadlinePolicy,
): TrackClock {
  const pendingReminders = policy.reminderDaysBefore
    .map((days) => noticeAt(policy, deadline, -days))
    .filter((at) => at > now)
    .sort((a, b) => a - b);
  return { deadline, pendingReminders, level: null, maxLevel: clock.maxLevel, submittedAt: null };
}

/**
 * Arms a clock as its window opens (the summary's on Nov 1). Counted in working days, the first reminder can
 * fall before the opening (the seventh working day before Nov 10 is in October): the unit then gets one
 * reminder on the opening's first working morning instead of losing it. Calendar days keep armClock's rule.
 */
export function armClockAtOpening(
  clock: Pick<TrackClock, 'maxLevel'>,
  deadline: number,
  openedAt: number,
  policy: DeadlinePolicy,
): TrackClock {
  const armed = armClock(clock, deadline, openedAt, policy);
  if (!policy.workingDays) return armed;
  const missed = policy.reminderDaysBefore.some((days) => noticeAt(policy, deadline, -days) <= openedAt);
  const catchUp = firstWorkingMorning(policy.workingDays, openedAt);
  const next = armed.pendingReminders[0];
  if (!missed || catchUp >= deadline || (next !== undefined && catchUp >= next)) return armed;
  return { ...armed, pendingReminders: [catchUp, ...armed.pendingReminders] };
}

export type ClockTick = { type: 'deadline.remind' | 'deadline.escalate'; at: number };

/** The next thing this clock will do by itself, or null once the ladder's top is reached. */
export function nextTick(clock: TrackClock, policy: DeadlinePolicy): ClockTick | null {
  const reminder = clock.pendingReminders[0];
  if (reminder !== undefined) return { type: 'deadline.remind', at: reminder };
  const step = nextStep(policy.escalation, clock.level);
  return step ? { type: 'deadline.escalate', at: noticeAt(policy, clock.deadline, step.daysAfter) } : null;
}

/** Whole local days from `at` to the deadline: what a reminder tells the unit. */
export function daysLeft(deadline: number, at: number): number {
  return daysBetween(formatShanghaiDate(at), formatShanghaiDate(deadline));
}

/** A returned item is due at the end of the local day `revisionDays` after it was returned (working days with a calendar). */
export function revisionDeadline(
  returnedAt: number,
  policy: Pick<DeadlinePolicy, 'revisionDays' | 'workingDays'>,
): number {
  if (policy.workingDays) return workingRevisionDeadline(policy.workingDays, returnedAt, policy.revisionDays);
  return endOfLocalDay(returnedAt) + policy.revisionDays * DAY_MS;
}

/**
 * The deadline of an item returned for revision: `revisionDays` after the return, and never earlier than the
 * deadline it replaces: a return weeks before May 25 must not take away the time the notice gave.
 */
export function deadlineAfterReturn(
  returnedAt: number,
  replaced: number,
  policy: Pick<DeadlinePolicy, 'revisionDays' | 'workingDays'>,
): number {
  return Math.max(revisionDeadline(returnedAt, policy), replaced);
}
