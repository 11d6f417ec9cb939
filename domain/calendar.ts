// The campaign calendar: month-days as configured (2022's by default) resolved for any year into
// absolute instants, Asia/Shanghai. Instants here are "nominal": the dates people see. A TimeMapping
// turns them into the real instants the workflows sleep until, which differ only when compressed.
import { z } from 'zod';
import type { WorkingDays } from './calendar/workingDays.ts';
import {
  defaultEscalation,
  defaultReminderDaysBefore,
  type EscalationStep,
  escalationStepSchema,
} from './escalation.ts';
import { lazySchema } from './lazySchema.ts';

export const phases = ['launch', 'survey', 'matching', 'activities', 'summary'] as const;
export type Phase = (typeof phases)[number];

export const DAY_MS = 86_400_000;
/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** Reminders and escalations after the deadline go out at 09:00 local, office hours. */
export const NOTICE_HOUR_MS = 9 * 3_600_000;

const monthDaySchema = lazySchema(() =>
  z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'a month-day "MM-DD", e.g. "05-25"'),
);
const windowSchema = lazySchema(() => z.object({ start: monthDaySchema, end: monthDaySchema }));

export const calendarConfigSchema = lazySchema(() =>
  z
    .object({
      phases: z.object({
        launch: windowSchema,
        survey: windowSchema,
        matching: windowSchema,
        activities: windowSchema,
        summary: windowSchema,
      }),
      deadlines: z.object({ plan: monthDaySchema, summary: monthDaySchema }),
      reminderDaysBefore: z.array(z.number().int().positive()),
      escalation: z.array(escalationStepSchema).min(1),
      /** Days a unit has to resubmit what an operator returned. */
      revisionDays: z.number().int().positive(),
      /** After the summary deadline, how long the campaign waits for stragglers before compiling. */
      closeDaysAfterSummaryDeadline: z.number().int().nonnegative(),
    })
    .superRefine((config, ctx) => {
      config.escalation.forEach((step, i) => {
        const previous = config.escalation[i - 1];
        if (previous && step.daysAfter <= previous.daysAfter) {
          ctx.addIssue({
            code: 'custom',
            path: ['escalation', i, 'daysAfter'],
            message: `must be later than the step before (${previous.daysAfter})`,
          });
        }
      });
    }),
);
export type CalendarConfig = z.infer<typeof calendarConfigSchema>;

/** The 2022 notice's month-days; the campaign is annual and keeps them unless configured otherwise. */
export const defaultCalendarConfig: CalendarConfig = {
  phases: {
    launch: { start: '04-20', end: '04-26' },
    survey: { start: '04-26', end: '05-20' },
    matching: { start: '05-20', end: '06-15' },
    activities: { start: '04-26', end: '10-26' },
    summary: { start: '11-01', end: '11-10' },
  },
  deadlines: { plan: '05-25', summary: '11-10' },
  reminderDaysBefore: defaultReminderDaysBefore,
  escalation: defaultEscalation,
  revisionDays: 7,
  closeDaysAfterSummaryDeadline: 10,
};

/** Linear map from nominal to real instants: identity for a real campaign, a squeeze for a compressed one. */
export interface TimeMapping {
  nominalOrigin: number;
  realOrigin: number;
  /** Real milliseconds per nominal millisecond. */
  scale: number;
}

export interface CampaignSchedule {
  year: number;
  phases: Record<Phase, { start: number; end: number }>;
  deadlines: { plan: number; summary: number };
  /** When the campaign stops waiting and compiles the national summary. */
  closeAt: number;
  reminderDaysBefore: number[];
  escalation: EscalationStep[];
  revisionDays: number;
  mapping: TimeMapping;
  /**
   * China's working calendar for the campaign's years (calendar/workingDays.ts): with it, reminders,
   * escalation steps and the revision clock count working days. Absent from years started before 0.11.0.
   */
  workingDays?: WorkingDays;
}

export function startOfLocalDay(instant: number): number {
  return Math.floor((instant + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

export function endOfLocalDay(instant: number): number {
  return startOfLocalDay(instant) + DAY_MS - 1;
}

function localDate(year: number, monthDay: string): number {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  const instant = Date.UTC(year, month - 1, day) - SHANGHAI_OFFSET_MS;
  if (new Date(instant + SHANGHAI_OFFSET_MS).getUTCDate() !== day) {
    throw new RangeError(`${year}-${monthDay} is not a date`);
  }
  return instant;
}

/** Parses "YYYY-MM-DD" as the end of that day in Asia/Shanghai, the way the notice's deadlines read. */
export function endOfDateInShanghai(date: string): number {
  const match = /^(\d{4})-(\d{2}-\d{2})$/.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date of the form YYYY-MM-DD`);
  return localDate(Number(match[1]), match[2] as string) + DAY_MS - 1;
}

/** "2022-05-25": the Asia/Shanghai date of a nominal instant. */
export function formatShanghaiDate(instant: number): string {
  return new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from one yyyy-mm-dd date to another, negative when `to` comes first: days left, days late. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** "2022-05-25 09:00": date and time in Asia/Shanghai. */
export function formatShanghaiDateTime(instant: number): string {
  return new Date(instant + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function resolveCalendar(config: CalendarConfig, year: number): CampaignSchedule {
  const window = (w: { start: string; end: string }) => ({
    start: localDate(year, w.start),
    end: localDate(year, w.end) + DAY_MS - 1,
  });
  const deadlines = {
    plan: localDate(year, config.deadlines.plan) + DAY_MS - 1,
    summary: localDate(year, config.deadlines.summary) + DAY_MS - 1,
  };
  return {
    year,
    phases: {
      launch: window(config.phases.launch),
      survey: window(config.phases.survey),
      matching: window(config.phases.matching),
      activities: window(config.phases.activities),
      summary: window(config.phases.summary),
    },
    deadlines,
    closeAt: deadlines.summary + config.closeDaysAfterSummaryDeadline * DAY_MS,
    reminderDaysBefore: [...config.reminderDaysBefore].sort((a, b) => b - a),
    escalation: config.escalation,
    revisionDays: config.revisionDays,
    mapping: { nominalOrigin: 0, realOrigin: 0, scale: 1 },
  };
}

/**
 * Squeezes the whole campaign, launch to close, into `realDurationMs` starting at `realStart`
 * (demos, training, end-to-end tests). Nominal dates stay as they are for display.
 */
export function compress(
  schedule: CampaignSchedule,
  realStart: number,
  realDurationMs: number,
): CampaignSchedule {
  const nominalStart = schedule.phases.launch.start;
  const nominalSpan = schedule.closeAt - nominalStart;
  return {
    ...schedule,
    mapping: { nominalOrigin: nominalStart, realOrigin: realStart, scale: realDurationMs / nominalSpan },
  };
}

export function toReal(mapping: TimeMapping, nominal: number): number {
  return Math.ceil(mapping.realOrigin + (nominal - mapping.nominalOrigin) * mapping.scale);
}

export function toNominal(mapping: TimeMapping, real: number): number {
  return Math.floor(mapping.nominalOrigin + (real - mapping.realOrigin) / mapping.scale);
}

/**
 * Instant of a reminder or escalation `days` from a deadline (negative = before): 09:00 local on that
 * day, except the 逾期 step at 0 days, which is the deadline itself.
 */
export function offsetFromDeadline(deadline: number, days: number): number {
  if (days === 0) return deadline;
  return startOfLocalDay(deadline) + days * DAY_MS + NOTICE_HOUR_MS;
}
