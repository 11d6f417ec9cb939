// A deadline's clock counted in working days (workingDays.ts): reminders and escalation steps land on working
// days at 09:00 Asia/Shanghai, and a revision runs N working days. deadlines.ts uses these when the unit's
// policy carries a working calendar, and the calendar-day rules of calendar.ts otherwise (years begun before).
import { DAY_MS, endOfDateInShanghai, formatShanghaiDate, NOTICE_HOUR_MS } from '../calendar.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDay, type WorkingDays } from './workingDays.ts';

const nineAm = (date: string) => endOfDateInShanghai(date) + 1 - DAY_MS + NOTICE_HOUR_MS;

/**
 * Instant of a reminder or escalation `days` working days from a deadline (negative = before), at 09:00.
 * The 逾期 step (0 days) is the deadline itself when it ends a working day; else 09:00 on the next one.
 */
export function workingOffsetFromDeadline(calendar: WorkingDays, deadline: number, days: number): number {
  const date = formatShanghaiDate(deadline);
  if (days === 0) return isWorkingDay(calendar, date) ? deadline : nineAm(nextWorkingDay(calendar, date));
  return nineAm(addWorkingDays(calendar, date, days));
}

/** 09:00 on the first working day from `instant`'s date on, when that is still to come; else the next one's. */
export function firstWorkingMorning(calendar: WorkingDays, instant: number): number {
  const date = nextWorkingDay(calendar, formatShanghaiDate(instant));
  const morning = nineAm(date);
  return morning > instant ? morning : nineAm(addWorkingDays(calendar, date, 1));
}

/** A returned item is due at the end of the `revisionDays`-th working day after the day it was returned. */
export function workingRevisionDeadline(
  calendar: WorkingDays,
  returnedAt: number,
  revisionDays: number,
): number {
  return endOfDateInShanghai(addWorkingDays(calendar, formatShanghaiDate(returnedAt), revisionDays));
}

/** The first day of "due soon": the day of the earliest reminder, `days` working days before the deadline. */
export function workingDueSoonFrom(calendar: WorkingDays, deadline: string, days: number): string {
  return days === 0 ? deadline : addWorkingDays(calendar, deadline, -days);
}
