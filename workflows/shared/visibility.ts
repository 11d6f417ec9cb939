// What the Temporal Web UI shows of a workflow: search attributes to filter on, and a readable line.
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { levelLabels } from '../../domain/escalation.ts';
import {
  campaignPhaseKey,
  campaignYearKey,
  escalationLevelKey,
  overdueKey,
  unitCodeKey,
  unitStateKey,
} from './searchAttributes.ts';
import { type CampaignStatus, type UnitProgress, type UnitStatus, unitProgress } from './status.ts';

export function unitSearchAttributes(
  status: Pick<UnitStatus, 'year' | 'unitCode' | 'state' | 'overdue' | 'escalationLevel'>,
): SearchAttributeUpdatePair[] {
  return [
    { key: campaignYearKey, value: status.year },
    { key: unitCodeKey, value: status.unitCode },
    { key: unitStateKey, value: status.state },
    { key: overdueKey, value: status.overdue },
    // 'none' rather than unset, so `EscalationLevel = 'none'` is a query that works.
    { key: escalationLevelKey, value: status.escalationLevel ?? 'none' },
  ];
}

export function campaignSearchAttributes(
  year: number,
  phase: CampaignStatus['phase'],
): SearchAttributeUpdatePair[] {
  return [
    { key: campaignYearKey, value: year },
    { key: campaignPhaseKey, value: phase },
  ];
}

/** The memo key under which a unit keeps its standing (UnitProgress without the flagged ids). */
export const progressMemoKey = 'progress';

/**
 * A unit's standing, for whoever lists the units: read with the workflow's description, from the server
 * alone, where a query would cost a task on a worker. The flagged ids stay out (thousands, and the
 * campaign has them).
 */
export function unitMemo(status: UnitStatus): Record<string, MemoProgress> {
  const { flaggedDemandIds: _, ...progress } = unitProgress(status);
  return { [progressMemoKey]: progress };
}

/** What a unit keeps in its memo: its standing without the flagged ids. */
export type MemoProgress = Omit<UnitProgress, 'flaggedDemandIds'>;

/** A unit's standing from a memo as a description or a Visibility list returns it; none from an earlier release. */
export function memoProgress(memo: Record<string, unknown> | undefined): MemoProgress | undefined {
  return memo?.[progressMemoKey] as MemoProgress | undefined;
}

/** One line per fact, Markdown, as the UI's "current details" renders it. */
export function unitDetails(status: UnitStatus): string {
  const lines = [
    `**${status.nameZh}** ${status.nameEn} (${status.unitCode}) — ${status.year}`,
    `State: \`${status.state}\``,
  ];
  if (status.escalationLevel) {
    const level = levelLabels[status.escalationLevel];
    lines.push(`Overdue: ${level.zh} ${level.en}`);
  }
  if (status.nextDeadline)
    lines.push(`Next deadline: ${status.nextDeadline.track} on ${status.nextDeadline.date}`);
  if (status.missing.length > 0) lines.push(`Missing: ${status.missing.join(', ')}`);
  if (status.returned) lines.push(`Returned: ${status.returned.what} — ${status.returned.reason}`);
  lines.push(`Activities recorded: ${status.activitiesRecorded}`);
  if (status.undelivered.length > 0) lines.push(`Undelivered mail: ${status.undelivered.length}`);
  return lines.join('\n\n');
}

export function campaignDetails(status: CampaignStatus): string {
  const units = status.units;
  const flagged = units.filter((u) => u.flaggedDemandIds.length > 0);
  const lines = [
    `**${status.year} 知识产权服务万里行** — phase \`${status.phase}\``,
    `Units reporting: ${units.length}; all in: ${units.filter((u) => u.allIn).length}; ` +
      `demands flagged for matching: ${flagged.reduce((n, u) => n + u.flaggedDemandIds.length, 0)} from ${flagged.length} units`,
    // Each unit keeps its own standing in search attributes: the list of workflows filters on them.
    `Overdue units: \`CampaignYear = ${status.year} AND Overdue = true\``,
  ];
  if (status.keyRegions) lines.push(`Key regions: ${status.keyRegions.regions.join(', ')}`);
  if (status.summary) {
    lines.push(
      `National summary compiled on ${status.summary.compiledOn}; 通报: ${status.summary.notice.length} entries`,
    );
  }
  return lines.join('\n\n');
}
