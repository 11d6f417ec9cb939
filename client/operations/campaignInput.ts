// What a campaign was started with, read from the first event of its history. Never changes for a run, so
// it is kept per client once read: the web asks on every matching page.
import type { Client } from '@temporalio/client';
import type { ResourceCatalogue } from '../../domain/matching/catalogue.ts';
import type { Registry } from '../../domain/registry.ts';
import { historyValue } from '../../infra/temporal/payloadCodec.ts';
import type { CampaignWorkflowInput } from '../../workflows/campaign/campaignWorkflow.ts';
import { campaignWorkflowId } from '../../workflows/shared/messages.ts';

const read = new WeakMap<Client, Map<number, Promise<Partial<CampaignWorkflowInput> | null>>>();

async function fetchInput(client: Client, year: number): Promise<Partial<CampaignWorkflowInput> | null> {
  const { history } = await client.workflowService.getWorkflowExecutionHistory({
    namespace: client.options.namespace,
    execution: { workflowId: campaignWorkflowId(year) },
    maximumPageSize: 1,
  });
  const payload = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return payload ? (historyValue<Partial<CampaignWorkflowInput>>(payload) ?? null) : null;
}

function campaignInput(client: Client, year: number): Promise<Partial<CampaignWorkflowInput> | null> {
  const years = read.get(client) ?? new Map();
  read.set(client, years);
  let input = years.get(year);
  if (!input) {
    input = fetchInput(client, year);
    years.set(year, input);
    // A failed read (no such campaign yet, server away) is asked again next time.
    input.catch(() => years.delete(year));
  }
  return input;
}

/** The registry the campaign was started with; null when its start cannot be read. */
export async function campaignRegistry(client: Client, year: number): Promise<Registry | null> {
  return (await campaignInput(client, year))?.registry ?? null;
}

/** The catalogue the campaign was started with; null when it has none. */
export async function campaignCatalogue(client: Client, year: number): Promise<ResourceCatalogue | null> {
  return (await campaignInput(client, year))?.catalogue ?? null;
}
