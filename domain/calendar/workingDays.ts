// China's working calendar as plain data: weekdays work, weekends rest, except the days the State Council's
// yearly notice (and an office's own days off) says otherwise. Pure, so the workflows can count with it:
// the campaign's input carries it for the years concerned (client/operations/calendar/ assembles it).
import { z } from 'zod';
import { lazySchema } from '../lazySchema.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date "YYYY-MM-DD". */
export const isoDateSchema = lazySchema(() =>
  z
    .string()
    .regex(isoDate, 'a date "YYYY-MM-DD", e.g. "2027-05-01"')
    .refine(
      (date) => new Date(`${date}T00:00:00Z`).toISOString().startsWith(date),
      'not a date of the calendar',
    ),
);

export const workingDaysSchema = lazySchema(() =>
  z.object({
    /** The years these lists are complete for; dates in other years follow the weekday rule. */
    years: z.array(z.number().int()),
    /** Days off on what would be a working day: public holidays (放假) and local days off. */
    offDays: z.array(isoDateSchema),
    /** Make-up working days (调休上班) on what would be a weekend. */
    workDays: z.array(isoDateSchema),
  }),
);
export type WorkingDays = z.infer<typeof workingDaysSchema>;

const DAY_MS = 86_400_000;

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether offices work on `date` ("YYYY-MM-DD"). */
export function isWorkingDay(calendar: WorkingDays, date: string): boolean {
  if (calendar.offDays.includes(date)) return false;
  if (calendar.workDays.includes(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** `date` itself when offices work on it, else the first working day after it. */
export function nextWorkingDay(calendar: WorkingDays, date: string): string {
  let day = date;
  while (!isWorkingDay(calendar, day)) day = shift(day, 1);
  return day;
}

/**
 * The `count`-th working day after `date` (before it when negative), `date` itself not counted: "3 working
 * days after the deadline", "7 working days before it". Zero gives nextWorkingDay.
 */
export function addWorkingDays(calendar: WorkingDays, date: string, count: number): string {
  if (count === 0) return nextWorkingDay(calendar, date);
  const step = Math.sign(count);
  let day = date;
  for (let left = Math.abs(count); left > 0; ) {
    day = shift(day, step);
    if (isWorkingDay(calendar, day)) left -= 1;
  }
  return day;
}

/** Every date of `year` with whether offices work on it and, when it breaks the weekday rule, why. */
export function yearDays(calendar: WorkingDays, year: number) {
  const days: { date: string; working: boolean; exception: 'offDay' | 'workDay' | null }[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = shift(day, 1)) {
    const exception = calendar.offDays.includes(day)
      ? 'offDay'
      : calendar.workDays.includes(day)
        ? 'workDay'
        : null;
    days.push({ date: day, working: isWorkingDay(calendar, day), exception });
  }
  return days;
}
