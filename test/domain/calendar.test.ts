import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarConfigSchema,
  compress,
  DAY_MS,
  daysBetween,
  defaultCalendarConfig,
  endOfDateInShanghai,
  formatShanghaiDate,
  offsetFromDeadline,
  resolveCalendar,
  startOfLocalDay,
  toNominal,
  toReal,
} from '../../domain/calendar.ts';
import { daysLeft } from '../../domain/deadlines.ts';
import { InvalidInputError, parseInput } from '../../domain/validation.ts';

const shanghai = (text: string) => Date.parse(`${text}+08:00`);

describe('the campaign calendar', () => {
  it("resolves 2022's notice to its own dates, Beijing time, a date deadline being the end of that day", () => {
    const s = resolveCalendar(defaultCalendarConfig, 2022);
    expect(s.phases.launch.start).toBe(shanghai('2022-04-20T00:00:00'));
    expect(s.phases.matching).toEqual({
      start: shanghai('2022-05-20T00:00:00'),
      end: shanghai('2022-06-15T23:59:59.999'),
    });
    expect(s.deadlines).toEqual({
      plan: shanghai('2022-05-25T23:59:59.999'),
      summary: shanghai('2022-11-10T23:59:59.999'),
    });
    expect(formatShanghaiDate(s.closeAt)).toBe('2022-11-20');
  });

  it('keeps the month-days for any year', () => {
    for (const year of [2023, 2027, 2028, 2040]) {
      const s = resolveCalendar(defaultCalendarConfig, year);
      expect(formatShanghaiDate(s.deadlines.plan)).toBe(`${year}-05-25`);
      expect(formatShanghaiDate(s.deadlines.summary)).toBe(`${year}-11-10`);
    }
  });

  it('puts reminders and escalations at 09:00 on their day, and 逾期 at the deadline itself', () => {
    const deadline = shanghai('2022-05-25T23:59:59.999');
    expect(offsetFromDeadline(deadline, -7)).toBe(shanghai('2022-05-18T09:00:00'));
    expect(offsetFromDeadline(deadline, 0)).toBe(deadline);
    expect(offsetFromDeadline(deadline, 3)).toBe(shanghai('2022-05-28T09:00:00'));
  });

  it('rejects a configuration with the field named', () => {
    const bad = {
      ...defaultCalendarConfig,
      deadlines: { plan: '13-01', summary: '11-10' },
      escalation: [
        { level: 'overdue', daysAfter: 3, recipients: ['unitOffice'] },
        { level: 'urging', daysAfter: 3, recipients: ['unitOffice'] },
      ],
    };
    expect(() => parseInput(calendarConfigSchema, bad, 'calendar')).toThrow(InvalidInputError);
    expect(() => parseInput(calendarConfigSchema, bad, 'calendar')).toThrow(
      /deadlines\.plan: a month-day "MM-DD".*escalation\[1\]\.daysAfter: must be later than the step before \(3\)/,
    );
    const impossible = { ...defaultCalendarConfig, deadlines: { plan: '02-30', summary: '11-10' } };
    expect(() => resolveCalendar(calendarConfigSchema.parse(impossible), 2027)).toThrow(
      '2027-02-30 is not a date',
    );
    expect(() => endOfDateInShanghai('2027/05/25')).toThrow('not a date of the form YYYY-MM-DD');
  });

  it('counts the days between two dates, negative when the second comes first', () => {
    expect(daysBetween('2026-05-18', '2026-05-25')).toBe(7);
    expect(daysBetween('2026-05-25', '2026-05-25')).toBe(0);
    expect(daysBetween('2026-05-29', '2026-05-25')).toBe(-4);
    expect(daysBetween('2027-12-30', '2028-03-01')).toBe(62);
  });

  it("counts a reminder's days left by the Shanghai dates of two instants, whatever their hours", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: shanghai('2022-01-01T00:00:00'), max: shanghai('2040-12-31T23:59:59') }),
        fc.integer({ min: -400 * DAY_MS, max: 400 * DAY_MS }),
        (at, span) => {
          const deadline = at + span;
          expect(daysLeft(deadline, at)).toBe(
            Math.round((startOfLocalDay(deadline) - startOfLocalDay(at)) / DAY_MS),
          );
        },
      ),
      { seed: 20220525, numRuns: 500 },
    );
  });
});

describe('compressing a calendar', () => {
  const schedule = resolveCalendar(defaultCalendarConfig, 2027);

  it('maps launch to the start and the close to the end of the real window, in order, reversibly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 60_000, max: 30 * DAY_MS }),
        fc.array(fc.integer({ min: schedule.phases.launch.start, max: schedule.closeAt }), {
          minLength: 2,
          maxLength: 20,
        }),
        (realStart, duration, instants) => {
          const { mapping } = compress(schedule, realStart, duration);
          expect(toReal(mapping, schedule.phases.launch.start)).toBe(realStart);
          expect(Math.abs(toReal(mapping, schedule.closeAt) - (realStart + duration))).toBeLessThanOrEqual(1);
          const sorted = [...instants].sort((a, b) => a - b);
          const real = sorted.map((t) => toReal(mapping, t));
          for (let i = 1; i < real.length; i++) expect(real[i]).toBeGreaterThanOrEqual(real[i - 1] as number);
          for (const t of sorted) {
            // One real millisecond spans 1/scale nominal ones: the round trip is exact to that grain.
            expect(Math.abs(toNominal(mapping, toReal(mapping, t)) - t)).toBeLessThanOrEqual(
              1 / mapping.scale + 1,
            );
          }
        },
      ),
      { seed: 20221110, numRuns: 500 },
    );
  });

  it('keeps the nominal dates people see', () => {
    const squeezed = compress(schedule, Date.now(), 10 * 60_000);
    expect(squeezed.deadlines).toEqual(schedule.deadlines);
    expect(formatShanghaiDate(squeezed.deadlines.plan)).toBe('2027-05-25');
  });
});
