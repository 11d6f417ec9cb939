// A year's campaign as the operators follow it: every unit's progress, and the totals they count.
import type { Client } from '@temporalio/client';
import { campaignStatusQuery, campaignWorkflowId } from '../../workflows/messages.ts';
import type { CampaignStatus, UnitProgress } from '../../workflows/status.ts';

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

export type CampaignOverview = CampaignStatus & { totals: CampaignTotals };

export async function campaignStatus(client: Client, year: number): Promise<CampaignOverview> {
  const status = await client.workflow.getHandle(campaignWorkflowId(year)).query(campaignStatusQuery);
  return { ...status, totals: totals(status.units) };
}
