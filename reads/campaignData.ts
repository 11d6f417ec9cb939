// What exports and reports are built from, read through Temporal: the campaign's status, and each unit's
// report. A finished unit's report is its workflow's result; a running unit's Annex 2 is the last accepted
// submitSummary that carried one, found in its history (and its earlier runs, across continue-as-new).
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { type ResultsSummary, resultsSummarySchema } from '../domain/submissions.ts';
import { historyValue } from '../infra/temporal/payloadCodec.ts';
import { submitSummaryUpdate, unitStatusQuery, unitWorkflowId } from '../workflows/shared/messages.ts';
import type { CampaignStatus, UnitReport } from '../workflows/shared/status.ts';
import { campaignState } from './campaignStatus.ts';

type History = temporal.api.history.v1.IHistory;

/** Annex 2 as last accepted in this run's history: a value, null if none was, and the previous run's id. */
export function resultsInHistory(history: History): {
  results: ResultsSummary | null;
  previousRunId: string | null;
} {
  const events = history.events ?? [];
  const failed = new Set(
    events.flatMap((e) => {
      const done = e.workflowExecutionUpdateCompletedEventAttributes;
      return done?.outcome?.failure ? [done.meta?.updateId ?? ''] : [];
    }),
  );
  let results: ResultsSummary | null = null;
  for (const event of events) {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (accepted?.input?.name !== submitSummaryUpdate.name || failed.has(accepted.meta?.updateId ?? ''))
      continue;
    const payload = accepted.input.args?.payloads?.[0];
    if (!payload) continue;
    const submission = historyValue<{ results?: unknown }>(payload);
    const parsed = resultsSummarySchema.safeParse(submission?.results);
    if (parsed.success) results = parsed.data;
  }
  const previousRunId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || null;
  return { results, previousRunId };
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
  let runId: string | null = description.runId;
  for (let runs = 0; runId && runs < 100; runs++) {
    const found = resultsInHistory(await client.workflow.getHandle(workflowId, runId).fetchHistory());
    if (found.results) return { ...status, resultsSummary: found.results };
    runId = found.previousRunId;
  }
  return { ...status, resultsSummary: null };
}

/** The status and every unit's report. */
export async function fetchCampaignData(client: Client, year: number): Promise<CampaignData> {
  const status = await campaignState(client, year);
  const reports: UnitReport[] = [];
  // One unit at a time: 37 small reads, and a busy server is not flooded.
  for (const unit of status.units) reports.push(await unitReport(client, year, unit.unitCode));
  return { status, reports, final: status.summary !== null };
}
