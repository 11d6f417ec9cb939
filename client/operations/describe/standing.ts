// Where a unit stands, at a glance: everything in, on time, due soon, or the escalation level it has reached
// (逾期 → 催办 → 督办). Pure: the unit's progress as the campaign last heard it and today's date decide it.

import { workingDueSoonFrom } from '../../../domain/calendar/workingSchedule.ts';
import { daysBetween } from '../../../domain/calendar.ts';
import {
  defaultReminderDaysBefore,
  type EscalationLevel,
  escalationLevels,
  levelLabels,
} from '../../../domain/escalation.ts';
import type { Bilingual } from '../../../domain/labels.ts';
import { type Track, tracks } from '../../../domain/notices/notifications.ts';
import { itemTrack, type ReturnableItem } from '../../../domain/submissions.ts';
import type { CampaignStatus, UnitProgress } from '../../../workflows/shared/status.ts';

export type Standing = 'complete' | 'ontime' | 'soon' | EscalationLevel;
/** Mildest first: the dashboard's legend reads in this order. */
export const standings: readonly Standing[] = ['complete', 'ontime', 'soon', ...escalationLevels];

/** Each standing's name, for the pages and the exports alike. */
export const standingLabels: Record<Standing, Bilingual> = {
  complete: { zh: '已报齐', en: 'all in' },
  ontime: { zh: '按期推进', en: 'on time' },
  soon: { zh: '即将到期', en: 'due soon' },
  ...levelLabels,
};

/** What of the campaign's calendar a standing reads: its reminders and working days, absent from years of earlier releases. */
export type StandingCalendar = Pick<CampaignStatus['calendar'], 'reminderDaysBefore' | 'workingDays'>;

/**
 * "Due soon": from the campaign's first reminder before the deadline on (7 days in 2022, working days when the
 * year counts them), with something not in; the deadline's own day when it sends none; the 2022 notice's
 * reminders when its status does not say.
 */
function dueSoon(calendar: StandingCalendar, today: string, deadline: string, daysLeft: number): boolean {
  const days = Math.max(0, ...(calendar.reminderDaysBefore ?? defaultReminderDaysBefore));
  if (!calendar.workingDays) return daysLeft <= days;
  return today >= workingDueSoonFrom(calendar.workingDays, deadline, days);
}

export interface UnitStanding {
  standing: Standing;
  /** The deliverable the standing is about; null when everything due is in. */
  track: Track | null;
  /** That deliverable's deadline, yyyy-mm-dd (Asia/Shanghai). */
  deadline: string | null;
  /** Days from today to the deadline, negative once it has passed. */
  daysLeft: number | null;
  /** What is due and not in, of that deliverable. */
  missing: string[];
}

const rank = (level: EscalationLevel | null) => (level === null ? -1 : escalationLevels.indexOf(level));

/** `today` is the date in Asia/Shanghai (formatShanghaiDate); `calendar` is the unit's campaign's. */
export function unitStanding(
  unit: Omit<UnitProgress, 'flaggedDemandIds'>,
  today: string,
  calendar: StandingCalendar,
): UnitStanding {
  const owed = tracks.map((track) => {
    const clock = unit[track];
    const daysLeft = daysBetween(today, clock.deadline);
    // The running clock's level is the one now; a stopped clock (its window closed) keeps the highest
    // it reached. A deadline passed without a level yet (the workflow acts at its next turn) is 逾期.
    const level = track === unit.due ? unit.escalationLevel : (clock.level ?? clock.maxLevel);
    return {
      track,
      deadline: clock.deadline,
      daysLeft,
      level: level ?? (daysLeft < 0 ? 'overdue' : null),
      missing: unit.missing.filter((item) => itemTrack[item as ReturnableItem] === track),
    };
  });
  const [worst] = owed
    .filter((o) => o.missing.length > 0)
    .sort((a, b) => rank(b.level) - rank(a.level) || a.daysLeft - b.daysLeft);
  if (!worst) return { standing: 'complete', track: null, deadline: null, daysLeft: null, missing: [] };
  const { level, ...rest } = worst;
  const soon = dueSoon(calendar, today, worst.deadline, worst.daysLeft);
  return { ...rest, standing: level ?? (soon ? 'soon' : 'ontime') };
}
