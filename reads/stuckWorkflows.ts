// Workflows whose tasks keep failing: a worker picks the task up and fails it, again and again (a history
// that does not replay on today's code, a bug that throws). Such a unit stands still and its year cannot
// close, so every view of the year names it.
import type { ExecutionFacts, TemporalReads } from '../infra/temporal/reads.ts';
import { parseWorkflowId } from '../workflows/shared/messages.ts';

export interface StuckWorkflow {
  workflowId: string;
  /** null for the campaign itself. */
  unitCode: string | null;
  /** Attempts of the workflow task pending now (1 is a first try; 0 when none is pending). */
  attempts: number;
  /** What the server reports (its TemporalReportedProblems attribute), e.g. "cause=WorkflowTaskFailedCauseNonDeterministicError". */
  problems: string[];
}

/** The server's own search attribute for a workflow whose tasks fail repeatedly. */
const reportedProblems = 'TemporalReportedProblems';

function problemsOf(attributes: Record<string, unknown> | undefined): string[] {
  const value = attributes?.[reportedProblems];
  return Array.isArray(value) ? value.map(String) : [];
}

/** Stuck when a task is on its second attempt or more, or the server reports a problem. */
export function stuckOf(execution: ExecutionFacts, unitCode: string | null): StuckWorkflow | null {
  if (!execution.running) return null;
  const attempts = execution.pendingTaskAttempts;
  const problems = problemsOf(execution.searchAttributes);
  if (attempts <= 1 && problems.length === 0) return null;
  return { workflowId: execution.workflowId, unitCode, attempts, problems };
}

/** For years listed from Visibility: the units the server reports problems for. */
export async function listedStuckUnits(reads: TemporalReads, year: number): Promise<StuckWorkflow[]> {
  const query = `CampaignYear = ${year} AND WorkflowType = 'unitWorkflow' AND ExecutionStatus = 'Running' AND ${reportedProblems} IS NOT NULL`;
  const stuck: StuckWorkflow[] = [];
  for await (const execution of reads.list(query)) {
    const unitCode = parseWorkflowId(execution.workflowId)?.name ?? null;
    stuck.push({
      workflowId: execution.workflowId,
      unitCode,
      attempts: 0,
      problems: problemsOf(execution.searchAttributes),
    });
  }
  return stuck;
}
