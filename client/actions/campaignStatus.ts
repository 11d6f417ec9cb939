// A year's campaign as the operators follow it: the campaign's phase and decisions, every unit's standing as
// the unit holds it now, and the totals they count.
import type { Client } from '@temporalio/client';
import { campaignStatusQuery, campaignWorkflowId } from '../../workflows/messages.ts';
import { type CampaignStatus, type UnitProgress, unitProgress } from '../../workflows/status.ts';
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
};

/** The campaign's own status: its phase and decisions, and of each unit only what the unit told it. */
export function campaignState(client: Client, year: number): Promise<CampaignStatus> {
  return client.workflow.getHandle(campaignWorkflowId(year)).query(campaignStatusQuery);
}

export async function campaignStatus(client: Client, year: number): Promise<CampaignOverview> {
  const status = await campaignState(client, year);
  const statuses = await unitStatuses(
    client,
    year,
    status.units.map((u) => u.unitCode),
    { finished: status.phase === 'closed' },
  );
  const units = statuses.map((unit) => unitProgress(unit));
  return { ...status, units, totals: totals(units) };
}
