// Which years have a campaign, from Temporal's visibility: the web's start page leads to the latest.
import type { Client } from '@temporalio/client';

export interface CampaignYear {
  year: number;
  running: boolean;
}

/** Every campaign's year, latest first; at most `limit` workflows are looked at. */
export async function campaignYears(client: Client, limit = 200): Promise<CampaignYear[]> {
  const years = new Map<number, boolean>();
  let seen = 0;
  // A year that continued as new has a run per continuation: only its last counts.
  const query = "WorkflowType = 'campaignWorkflow' AND ExecutionStatus != 'ContinuedAsNew'";
  for await (const workflow of client.workflow.list({ query })) {
    const year = Number(/^wanlixing-(\d{4})$/.exec(workflow.workflowId)?.[1]);
    if (year) years.set(year, (years.get(year) ?? false) || workflow.status.name === 'RUNNING');
    if (++seen >= limit) break;
  }
  return [...years].map(([year, running]) => ({ year, running })).sort((a, b) => b.year - a.year);
}

/** The year the start page opens: the latest running campaign, else the latest; null when there is none. */
export async function currentCampaignYear(client: Client): Promise<number | null> {
  const years = await campaignYears(client);
  return (years.find((y) => y.running) ?? years[0])?.year ?? null;
}
