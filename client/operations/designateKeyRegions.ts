// CNIPA chooses the year's key-guidance regions and exchange hosts, before the matching feedback goes out.
import type { Client } from '@temporalio/client';
import type { DesignateKeyRegions } from '../../domain/matching/decisions.ts';
import { campaignWorkflowId, designateKeyRegionsUpdate } from '../../workflows/shared/messages.ts';
import type { CampaignStatus } from '../../workflows/shared/status.ts';
import { type Acting, byOf, recordAction, updateIdOf } from './audit/acting.ts';

export async function designateKeyRegions(
  client: Client,
  options: { year: number } & DesignateKeyRegions,
  acting?: Acting,
): Promise<CampaignStatus> {
  const workflowId = campaignWorkflowId(options.year);
  const updateId = updateIdOf(acting);
  const status = await client.workflow.getHandle(workflowId).executeUpdate(designateKeyRegionsUpdate, {
    args: [{ regions: options.regions, exchangeHosts: options.exchangeHosts, ...byOf(acting) }],
    updateId,
  });
  await recordAction(acting, {
    workflowId,
    updateId,
    kind: 'keyRegions',
    year: options.year,
    unitCode: null,
    detail: { regions: options.regions, exchangeHosts: options.exchangeHosts },
  });
  return status;
}
