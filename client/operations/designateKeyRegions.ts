// CNIPA chooses the year's key-guidance regions and exchange hosts, before the matching feedback goes out.
import type { Client } from '@temporalio/client';
import type { DesignateKeyRegions } from '../../domain/matching/decisions.ts';
import { campaignWorkflowId, designateKeyRegionsUpdate } from '../../workflows/shared/messages.ts';
import type { CampaignStatus } from '../../workflows/shared/status.ts';

export async function designateKeyRegions(
  client: Client,
  options: { year: number } & DesignateKeyRegions,
): Promise<CampaignStatus> {
  return client.workflow
    .getHandle(campaignWorkflowId(options.year))
    .executeUpdate(designateKeyRegionsUpdate, {
      args: [{ regions: options.regions, exchangeHosts: options.exchangeHosts }],
    });
}
