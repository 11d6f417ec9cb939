// What operators see of a unit and of the campaign: derived from the machine's snapshot, never stored twice.

import type { WorkingDays } from '../../domain/calendar/workingDays.ts';
import type { Phase, TimeMapping } from '../../domain/calendar.ts';
import { formatShanghaiDate } from '../../domain/calendar.ts';
import type { EscalationLevel, NoticeOutcome } from '../../domain/escalation.ts';
import type { DesignateKeyRegions, RecordMatches } from '../../domain/matching/decisions.ts';
import type { MatchingReview } from '../../domain/matching/review.ts';
import type { ReviewDigest } from '../../domain/matching/reviewDigest.ts';
import type { Track } from '../../domain/notices/notifications.ts';
import type { DemandItem, ResultsSummary } from '../../domain/submissions.ts';
import type { UnitContext, UnitTag } from '../unit/unitMachine.ts';

export interface TrackStatus {
  deadline: string;
  submittedAt: string | null;
  level: EscalationLevel | null;
  maxLevel: EscalationLevel | null;
}

export interface UnitStatus {
  year: number;
  unitCode: string;
  nameZh: string;
  nameEn: string;
  /** The machine's state, dotted: "planning.overdue", "complete", ... For people and Visibility queries. */
  state: string;
  /** The deliverable whose clock runs now, what a reminder would be about; null when nothing is due. */
  due: Track | null;
  overdue: boolean;
  /** The current escalation level of whichever deliverable is overdue. */
  escalationLevel: EscalationLevel | null;
  /** What is due and not in: "workPlan", "demandList", "writtenSummary", "resultsSummary". */
  missing: string[];
  nextDeadline: { track: Track; date: string } | null;
  plan: TrackStatus;
  summary: TrackStatus;
  activitiesRecorded: number;
  flaggedDemands: DemandItem[];
  feedbackReceived: boolean;
  returned: { what: string; reason: string } | null;
  /** Notifications that could not be delivered (bad address): an operator has to fix the registry. */
  undelivered: string[];
}

/**
 * A unit's standing without its rows: what the dashboard shows of each unit. Release 0.4.0 units sent it
 * to the campaign on every change; a unit may flag thousands of demands, and the rows are fetched from the
 * units when needed (the matching proposal). Activity counts stay out: the national summary takes them
 * from each unit's final report.
 */
export type UnitProgress = Omit<UnitStatus, 'activitiesRecorded' | 'flaggedDemands'> & {
  flaggedDemandIds: string[];
};

/** What units sent before 'progress-without-rows': the flagged rows themselves. */
export type ProgressWithRows = Omit<UnitStatus, 'activitiesRecorded'>;

export function unitProgress(status: UnitStatus): UnitProgress {
  const { activitiesRecorded: _, flaggedDemands, ...rest } = status;
  return { ...rest, flaggedDemandIds: flaggedDemands.map((d) => d.id) };
}

/**
 * What the campaign acts on, all a unit tells it: the demands flagged for matching, and whether everything
 * is in (the summary phase ends early when every unit's is). The rest of a unit's standing changes with the
 * clock, several times a month, and each report costs both workflows a task and stays in the campaign's
 * history: whoever shows it (the dashboard, the CLI) asks the units.
 */
export interface UnitFacts {
  unitCode: string;
  flaggedDemandIds: string[];
  allIn: boolean;
}

/** The unit workflow's result, what the national summary is compiled from. */
export interface UnitReport extends UnitStatus {
  resultsSummary: ResultsSummary | null;
}

export interface LateUnit {
  unitCode: string;
  nameZh: string;
  nameEn: string;
  /** Which deliverable, and how it stands: in late, or still missing at the close. */
  track: Track;
  outcome: NoticeOutcome;
  maxLevel: EscalationLevel | null;
}

export interface NationalSummary {
  year: number;
  compiledOn: string;
  reportingUnits: number;
  plans: { onTime: number; late: number; missing: number };
  summaries: { onTime: number; late: number; missing: number };
  /** 通报: units late or missing, by deliverable, for the campaign's notice. */
  notice: LateUnit[];
  totals: {
    activitiesRecorded: number;
    participants: number;
    enterprisesServed: number;
    demandsCollected: number;
    demandsResolved: number;
    navigationProjects: number;
    licensingAndTransfer: { count: number; amountTenThousandYuan: number };
    pledgeFinancing: { count: number; amountTenThousandYuan: number };
    trainings: number;
    mediaReports: number;
    typicalCases: number;
  };
  flaggedDemands: number;
  matches: number;
  keyRegions: string[];
  exchangeHosts: string[];
}

export interface CampaignStatus {
  year: number;
  phase: Phase | 'beforeLaunch' | 'compiling' | 'closed';
  /** The calendar's nominal dates, Asia/Shanghai. */
  calendar: {
    launch: string;
    planDeadline: string;
    summaryDeadline: string;
    closes: string;
    /** Days a return for revision gives (absent from years that answered before 0.9.0). */
    revisionDays?: number;
    /** Days before each deadline that reminders go out, the first starting "due soon" (absent before 0.10.0). */
    reminderDaysBefore?: number[];
    /** The working calendar its clocks count in (absent before 0.11.0, and from years started without one). */
    workingDays?: WorkingDays;
  };
  /** How the campaign's nominal dates map to real time (a squeeze on a compressed demo year). */
  clock: TimeMapping;
  /** Every unit started, in the registry's order, with what it told the campaign. */
  units: UnitFacts[];
  matches: RecordMatches;
  /**
   * The proposal under review and every operator decision on it, as a year held it that proposed before
   * 'review-by-reference'; null until one is made, and null since (the review is kept by reference).
   */
  matchingReview: MatchingReview | null;
  /** Where the review is kept and how it stands (since 'review-by-reference'); absent from older workers. */
  reviewDigest?: ReviewDigest | null;
  keyRegions: DesignateKeyRegions | null;
  feedbackSent: boolean;
  summary: NationalSummary | null;
}

export function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value as Record<string, unknown>)[0] as [string, unknown];
  return `${parent}.${stateName(child)}`;
}

function trackStatus(clock: UnitContext['plan']): TrackStatus {
  return {
    deadline: formatShanghaiDate(clock.deadline),
    submittedAt: clock.submittedAt === null ? null : formatShanghaiDate(clock.submittedAt),
    level: clock.level,
    maxLevel: clock.maxLevel,
  };
}

/** What status reads of a machine snapshot. */
export interface UnitView {
  value: unknown;
  context: UnitContext;
  hasTag(tag: UnitTag): boolean;
}

const tracks: readonly Track[] = ['plan', 'summary'];

/** The deliverable whose clock runs in this state, if any: the machine's tags say. */
export function dueTrack(view: Pick<UnitView, 'hasTag'>): Track | null {
  return tracks.find((track) => view.hasTag(track)) ?? null;
}

export function unitStatus(view: UnitView, undelivered: string[]): UnitStatus {
  const { context } = view;
  const track = dueTrack(view);
  // Plan items are due from launch; summary items once their window opens.
  const summaryOwed = view.hasTag('summaryOwed');
  const missing = [
    ...(context.workPlan ? [] : ['workPlan']),
    ...(context.demandList ? [] : ['demandList']),
    ...(summaryOwed && !context.writtenSummary ? ['writtenSummary'] : []),
    ...(summaryOwed && !context.resultsSummary ? ['resultsSummary'] : []),
  ];
  const level = track ? context[track].level : null;
  return {
    year: context.year,
    unitCode: context.unit.code,
    nameZh: context.unit.nameZh,
    nameEn: context.unit.nameEn,
    state: stateName(view.value),
    due: track,
    overdue: level !== null,
    escalationLevel: level,
    missing,
    nextDeadline:
      track && level === null ? { track, date: formatShanghaiDate(context[track].deadline) } : null,
    plan: trackStatus(context.plan),
    summary: trackStatus(context.summary),
    activitiesRecorded: context.activities.length,
    flaggedDemands: context.demandList?.items.filter((item) => item.needsCnipaCoordination) ?? [],
    feedbackReceived: context.feedback !== null,
    returned: context.returned && { what: context.returned.what, reason: context.returned.reason },
    undelivered,
  };
}
