// What exports and reports are built from, read through Temporal: the campaign's status, and each unit's
// report. A finished unit's report is its workflow's result; a running unit's Annex 2 is the last accepted
// submitSummary that carried one, found in its history (and its earlier runs, across continue-as-new).
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { type ResultsSummary, resultsSummarySchema } from '../domain/submissions.ts';
import { submitSummaryUpdate, unitStatusQuery, unitWorkflowId } from '../workflows/shared/messages.ts';
import type { CampaignStatus, UnitReport } from '../workflows/shared/status.ts';
import { acceptedInHistory, lastAccepted } from './acceptedInHistory.ts';
import { campaignState } from './campaignStatus.ts';

type History = temporal.api.history.v1.IHistory;

const annexTwo = (argument: unknown): ResultsSummary | null => {
  const parsed = resultsSummarySchema.safeParse((argument as { results?: unknown } | null)?.results);
  return parsed.success ? parsed.data : null;
};

/** Annex 2 as last accepted in this run's history: a value, null if none was, and the previous run's id. */
export function resultsInHistory(history: History): {
  results: ResultsSummary | null;
  previousRunId: string | null;
} {
  const found = acceptedInHistory(history, submitSummaryUpdate.name, annexTwo);
  return { results: found.value, previousRunId: found.previousRunId };
}

export interface CampaignData {
  status: CampaignStatus;
  /** One per unit, in the campaign's (the registry's) order. */
  reports: UnitReport[];
  /** True once the campaign has compiled its national summary. */
  final: boolean;
}

function unitReport(client: Client, year: number, unitCode: string): Promise<UnitReport> {
  return unitReportOf(client, unitWorkflowId(year, unitCode));
}

/**
 * A unit's report: its result once it completed, else its status now with the results summary it sent, if
 * any (a unit still running, or one ended outside the campaign: a closed workflow still answers queries).
 */
export async function unitReportOf(client: Client, workflowId: string): Promise<UnitReport> {
  const handle = client.workflow.getHandle(workflowId);
  const description = await handle.describe();
  if (description.status.name === 'COMPLETED') return (await handle.result()) as UnitReport;
  const status = await handle.query(unitStatusQuery);
  const results = await lastAccepted(
    client,
    workflowId,
    description.runId,
    submitSummaryUpdate.name,
    annexTwo,
  );
  return { ...status, resultsSummary: results };
}

/** The status and every unit's report. */
export async function fetchCampaignData(client: Client, year: number): Promise<CampaignData> {
  const status = await campaignState(client, year);
  const reports: UnitReport[] = [];
  // One unit at a time: 37 small reads, and a busy server is not flooded.
  for (const unit of status.units) reports.push(await unitReport(client, year, unit.unitCode));
  return { status, reports, final: status.summary !== null };
}
