// Every unit's status as the unit holds it now. The campaign keeps only what it acts on (flagged ids, all
// in), so whoever shows more — the dashboard, the CLI, the exports, the matching proposal — asks the units,
// a few at a time.
import { inParallel } from '../domain/inParallel.ts';
import type { TemporalReads } from '../infra/temporal/reads.ts';
import { unitStatusQuery, unitWorkflowId } from '../workflows/shared/messages.ts';
import type { CampaignStatus, UnitReport, UnitStatus } from '../workflows/shared/status.ts';

/** Queries in flight at once: enough to hide the round trips, few enough not to crowd the workers. */
const width = 16;

/**
 * In the order of `unitCodes`. Once the campaign's `phase` is closed each unit's result is read instead: a
 * finished workflow answers a query only by replaying its whole history on a worker.
 */
export async function unitStatuses(
  reads: TemporalReads,
  year: number,
  unitCodes: readonly string[],
  options: { phase?: CampaignStatus['phase']; onUnit?: (done: number) => void } = {},
): Promise<UnitStatus[]> {
  const statuses: UnitStatus[] = new Array(unitCodes.length);
  let done = 0;
  await inParallel(unitCodes, width, async (unitCode, i) => {
    const workflowId = unitWorkflowId(year, unitCode);
    if (options.phase === 'closed') {
      const { resultsSummary: _, ...status } = await reads.result<UnitReport>(workflowId);
      statuses[i] = status;
    } else statuses[i] = await reads.query(workflowId, unitStatusQuery);
    options.onUnit?.(++done);
  });
  return statuses;
}
