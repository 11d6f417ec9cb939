// Counting in China's working days, on 2026's official arrangement (Labour Day May 1–5 off, Saturday May 9
// worked): where reminders, escalation steps and the revision clock land.
import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../../client/operations/calendar/workingCalendar.ts';
import { addWorkingDays, isWorkingDay, nextWorkingDay } from '../../../domain/calendar/workingDays.ts';
import {
  workingDueSoonFrom,
  workingOffsetFromDeadline,
  workingRevisionDeadline,
} from '../../../domain/calendar/workingSchedule.ts';
import { endOfDateInShanghai, formatShanghaiDateTime } from '../../../domain/calendar.ts';
import { armClock, armClockAtOpening, nextTick, revisionDeadline } from '../../../domain/deadlines.ts';
import { defaultEscalation } from '../../../domain/escalation.ts';

const calendar = await workingCalendar({ years: [2026] });
const at = (instant: number) => formatShanghaiDateTime(instant);

describe('working days', () => {
  it('knows holidays, weekends and make-up Saturdays', () => {
    expect(isWorkingDay(calendar, '2026-04-30')).toBe(true);
    expect(isWorkingDay(calendar, '2026-05-01')).toBe(false);
    expect(isWorkingDay(calendar, '2026-05-05')).toBe(false); // a Tuesday of the holiday
    expect(isWorkingDay(calendar, '2026-05-09')).toBe(true); // the make-up Saturday
    expect(isWorkingDay(calendar, '2026-05-10')).toBe(false); // an ordinary Sunday
  });

  it('moves a day off to the next working day and counts both ways', () => {
    expect(nextWorkingDay(calendar, '2026-05-01')).toBe('2026-05-06');
    expect(nextWorkingDay(calendar, '2026-05-06')).toBe('2026-05-06');
    // Thursday May 7: Friday is one, the make-up Saturday two, Monday three.
    expect(addWorkingDays(calendar, '2026-05-07', 2)).toBe('2026-05-09');
    expect(addWorkingDays(calendar, '2026-05-07', 3)).toBe('2026-05-11');
    expect(addWorkingDays(calendar, '2026-05-06', -1)).toBe('2026-04-30');
  });
});

describe("a deadline's notices in working days", () => {
  it('sends the 逾期 of a deadline on 1 May at 09:00 on the next working day, not on the holiday', () => {
    expect(at(workingOffsetFromDeadline(calendar, endOfDateInShanghai('2026-05-01'), 0))).toBe(
      '2026-05-06 09:00',
    );
    // A deadline on a working day is its own 逾期 instant, as before.
    const may25 = endOfDateInShanghai('2026-05-25');
    expect(workingOffsetFromDeadline(calendar, may25, 0)).toBe(may25);
  });

  it('puts a reminder that calendar days would send on 1 May on a working day', () => {
    // Deadline Friday May 8: 7 calendar days before is May 1, a holiday; 7 working days before is Friday April 24.
    const clock = armClock({ maxLevel: null }, endOfDateInShanghai('2026-05-08'), 0, {
      reminderDaysBefore: [7, 1],
      escalation: defaultEscalation,
      revisionDays: 7,
      workingDays: calendar,
    });
    expect(clock.pendingReminders.map(at)).toEqual(['2026-04-24 09:00', '2026-05-07 09:00']);
  });

  it('climbs the ladder in working days, the make-up Saturday counted', () => {
    const policy = {
      reminderDaysBefore: [],
      escalation: defaultEscalation,
      revisionDays: 7,
      workingDays: calendar,
    };
    const deadline = endOfDateInShanghai('2026-05-07');
    const clock = armClock({ maxLevel: null }, deadline, 0, policy);
    expect(nextTick(clock, policy)).toEqual({ type: 'deadline.escalate', at: deadline });
    const urging = nextTick({ ...clock, level: 'overdue' }, policy);
    expect(at(urging?.at ?? 0)).toBe('2026-05-11 09:00'); // 催办: Fri 8, Sat 9, Mon 11
    const supervision = nextTick({ ...clock, level: 'urging' }, policy);
    expect(at(supervision?.at ?? 0)).toBe('2026-05-15 09:00'); // 督办: 7 working days on
  });

  it('gives a return for revision N working days, and calendar days without a calendar', () => {
    const returnedAt = endOfDateInShanghai('2026-04-29') - 3_600_000;
    expect(at(workingRevisionDeadline(calendar, returnedAt, 7))).toBe('2026-05-12 23:59');
    expect(at(revisionDeadline(returnedAt, { revisionDays: 7, workingDays: calendar }))).toBe(
      '2026-05-12 23:59',
    );
    expect(at(revisionDeadline(returnedAt, { revisionDays: 7 }))).toBe('2026-05-06 23:59');
  });

  it("keeps the first reminder of a window that opens after it, on the opening's first working morning", () => {
    const policy = {
      reminderDaysBefore: [7, 1],
      escalation: defaultEscalation,
      revisionDays: 7,
      workingDays: calendar,
    };
    // The summary window opens on Sunday Nov 1; 7 working days before Tuesday Nov 10 is Friday Oct 30.
    const opened = endOfDateInShanghai('2026-10-31') + 1;
    const clock = armClockAtOpening({ maxLevel: null }, endOfDateInShanghai('2026-11-10'), opened, policy);
    expect(clock.pendingReminders.map(at)).toEqual(['2026-11-02 09:00', '2026-11-09 09:00']);
    // Calendar days put the first reminder on Nov 3, inside the window: nothing to catch up.
    const { workingDays: _, ...calendarDays } = policy;
    const plain = armClockAtOpening(
      { maxLevel: null },
      endOfDateInShanghai('2026-11-10'),
      opened,
      calendarDays,
    );
    expect(plain.pendingReminders.map(at)).toEqual(['2026-11-03 09:00', '2026-11-09 09:00']);
  });

  it('starts "due soon" with the first reminder, counted in working days', () => {
    expect(workingDueSoonFrom(calendar, '2026-05-08', 7)).toBe('2026-04-24');
    expect(workingDueSoonFrom(calendar, '2026-05-08', 0)).toBe('2026-05-08');
  });
});
