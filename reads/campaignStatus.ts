// A year's campaign as the operators follow it: the campaign's phase and decisions, every unit's standing as
// the unit holds it now, and the totals they count.
import type { Client } from '@temporalio/client';
import { inParallel } from '../domain/inParallel.ts';
import { sdkReads, type TemporalReads } from '../infra/temporal/reads.ts';
import { campaignStatusQuery, campaignWorkflowId, unitWorkflowId } from '../workflows/shared/messages.ts';
import {
  type CampaignStatus,
  type UnitProgress,
  type UnitStatus,
  unitProgress,
} from '../workflows/shared/status.ts';
import { type MemoProgress, memoProgress } from '../workflows/shared/visibility.ts';
import { listedStuckUnits, type StuckWorkflow, stuckOf } from './stuckWorkflows.ts';
import { unitStatuses } from './unitStatuses.ts';

export interface CampaignTotals {
  units: number;
  plansIn: number;
  summariesIn: number;
  overdue: number;
  /** Units with anything due and not in. */
  notSubmitted: string[];
}

function totals(units: readonly UnitProgress[]): CampaignTotals {
  return {
    units: units.length,
    plansIn: units.filter((u) => u.plan.submittedAt !== null).length,
    summariesIn: units.filter((u) => u.summary.submittedAt !== null).length,
    overdue: units.filter((u) => u.overdue).length,
    notSubmitted: units.filter((u) => u.missing.length > 0).map((u) => u.unitCode),
  };
}

/** The campaign's status with each unit's standing in place of what the unit told the campaign. */
export type CampaignOverview = Omit<CampaignStatus, 'units'> & {
  units: UnitProgress[];
  totals: CampaignTotals;
  /** Workflows of the year whose tasks keep failing: they stand still until fixed or recovered. */
  stuck: StuckWorkflow[];
};

/** The campaign's own status: its phase and decisions, and of each unit only what the unit told it. */
export function campaignState(client: Client, year: number): Promise<CampaignStatus> {
  return sdkReads(client).query(campaignWorkflowId(year), campaignStatusQuery);
}

export function campaignStatus(client: Client, year: number): Promise<CampaignOverview> {
  return readCampaignStatus(sdkReads(client), year);
}

/** The same, over whichever transport `reads` uses (the CLI's quick reads go over the HTTP API). */
export async function readCampaignStatus(reads: TemporalReads, year: number): Promise<CampaignOverview> {
  // One after the other: were they asked together, a failed query would leave the description retrying on
  // a connection its caller may close (gRPC then throws from the retry's timer, uncaught).
  const status = await reads.query(campaignWorkflowId(year), campaignStatusQuery);
  const description = await reads.describe(campaignWorkflowId(year));
  const stuck: StuckWorkflow[] = [];
  const campaign = stuckOf(description, null);
  if (campaign) stuck.push(campaign);
  const units = await standings(reads, year, status, stuck);
  return { ...status, units, totals: totals(units), stuck };
}

/** Descriptions in flight at once: the server answers them alone, without a worker. */
const width = 32;
/**
 * Past this many units the memos come from one Visibility list (1,000 a page) rather than one description
 * each (≈ 1.4 ms apiece, 32 at once: 4 s for 3,000). A list lags the units by the moment Visibility takes to
 * catch up, which a smaller year need not accept.
 */
const listAbove = 500;

/**
 * Each unit's standing from its memo, which the server keeps with the workflow's description: a query
 * would cost a task on the worker for each unit (≈ 3 ms each, one after another). A unit that keeps no
 * memo (started by an earlier release) is asked.
 */
async function standings(
  reads: TemporalReads,
  year: number,
  status: CampaignStatus,
  stuck: StuckWorkflow[],
): Promise<UnitProgress[]> {
  const listing = status.units.length > listAbove;
  const listed = listing ? await listedMemos(reads, year) : new Map<string, MemoProgress>();
  if (listing) stuck.push(...(await listedStuckUnits(reads, year)));
  const units: UnitProgress[] = new Array(status.units.length);
  const found: (StuckWorkflow | null)[] = new Array(status.units.length).fill(null);
  await inParallel(status.units, width, async ({ unitCode, flaggedDemandIds }, i) => {
    let kept = listed.get(unitCode);
    if (!kept) {
      const description = await reads.describe(unitWorkflowId(year, unitCode));
      found[i] = stuckOf(description, unitCode);
      kept = memoProgress(description.memo);
    }
    if (kept) units[i] = { ...kept, flaggedDemandIds };
    else {
      const [asked] = await unitStatuses(reads, year, [unitCode], { phase: status.phase });
      units[i] = unitProgress(asked as UnitStatus);
    }
  });
  stuck.push(...found.filter((s): s is StuckWorkflow => s !== null));
  return units;
}

/** The year's unit memos by Visibility, by unit code; a unit not listed yet is described on its own. */
export async function listedMemos(reads: TemporalReads, year: number): Promise<Map<string, MemoProgress>> {
  const memos = new Map<string, MemoProgress>();
  // A unit's earlier runs (it continues as new) hold older memos.
  const query = `CampaignYear = ${year} AND WorkflowType = 'unitWorkflow' AND ExecutionStatus != 'ContinuedAsNew'`;
  for await (const execution of reads.list(query)) {
    const kept = memoProgress(execution.memo);
    if (kept) memos.set(kept.unitCode, kept);
  }
  return memos;
}
