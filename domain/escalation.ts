// The escalation ladder of a deadline, as Chinese administrative practice climbs it (domain.md's "Reminders
// and escalation"): 提醒 reminders before the deadline; after it 逾期 overdue → 催办 urging → 督办
// supervision, each step a notice to more people; and at the year's end 通报, the national summary's list of
// units late or missing (NationalSummary.notice, with the highest level each reached). Here: the levels, the
// steps with their offsets from the deadline and recipients (a year's calendar may configure them), their
// order and their names. The clock that climbs it is deadlines.ts; each level's letter is in
// notices/mailTemplates.ts.
import { z } from 'zod';
import type { Bilingual } from './labels.ts';
import { lazySchema } from './lazySchema.ts';
import { type RecipientRole, recipientRoles } from './notices/notifications.ts';

/** Mildest first. */
export const escalationLevels = ['overdue', 'urging', 'supervision'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

/** What each level is called, on pages, in reports, in the letters' subjects. */
export const levelLabels: Record<EscalationLevel, Bilingual> = {
  overdue: { zh: '逾期', en: 'overdue' },
  urging: { zh: '催办', en: 'urging' },
  supervision: { zh: '督办', en: 'supervision' },
};

/** "催办通知" / "urging notice": the notice that brings a unit to a level. */
export const levelNoticeLabel = (level: EscalationLevel): Bilingual => ({
  zh: `${levelLabels[level].zh}通知`,
  en: `${levelLabels[level].en} notice`,
});

export const escalationStepSchema = lazySchema(() =>
  z.object({
    level: z.enum(escalationLevels),
    /** Days after the deadline: 0 is the deadline itself, later steps go out at 09:00 on their day. */
    daysAfter: z.number().int().nonnegative(),
    recipients: z.array(z.enum(recipientRoles)).min(1),
  }),
);
export interface EscalationStep {
  level: EscalationLevel;
  daysAfter: number;
  recipients: RecipientRole[];
}

/** Reminders 7 days and 1 day before the deadline; "due soon" starts with the first. */
export const defaultReminderDaysBefore = [7, 1];

/** 逾期 to the office at the deadline, 催办 to its leadership 3 days on, 督办 with CNIPA in copy after a week. */
export const defaultEscalation: EscalationStep[] = [
  { level: 'overdue', daysAfter: 0, recipients: ['unitOffice'] },
  { level: 'urging', daysAfter: 3, recipients: ['unitOffice', 'unitLeadership'] },
  {
    level: 'supervision',
    daysAfter: 7,
    recipients: ['unitOffice', 'unitLeadership', 'pairedResource', 'promotionDepartment'],
  },
];

/** The step a clock standing at `level` climbs next (the first from null); undefined at the top. */
export function nextStep(steps: readonly EscalationStep[], level: EscalationLevel | null) {
  const index = level === null ? 0 : steps.findIndex((s) => s.level === level) + 1;
  return steps[index];
}

/** The step that brought a clock to `level`, for the notice it sends (again, when an operator reminds). */
export function stepAt(steps: readonly EscalationStep[], level: EscalationLevel | null) {
  return steps.find((s) => s.level === level);
}

/** 通报, the ladder's last rung: the national summary lists each deliverable a unit handed in late or never. */
export type NoticeOutcome = 'late' | 'missing';

export const noticeOutcomeLabels: Record<NoticeOutcome, Bilingual> = {
  late: { zh: '逾期报送', en: 'in late' },
  missing: { zh: '未报送', en: 'missing' },
};

export function higherLevel(a: EscalationLevel | null, b: EscalationLevel | null): EscalationLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return escalationLevels.indexOf(a) >= escalationLevels.indexOf(b) ? a : b;
}
