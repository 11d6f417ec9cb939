import { proxyActivities } from '@temporalio/workflow';
import type { UnitOutcome } from '../campaign/nationalSummary.ts';

export interface ClosedOutcomesInput {
  /** Unit workflows, each returning its report. */
  unitIds?: string[];
  /** Unit group workflows, each returning its units' outcomes. */
  groupIds?: string[];
}

/** What activities/outcomes.ts implements: the contract is the workflows', so they import no activity code. */
export interface OutcomeActivities {
  /** Waits for each workflow to finish (following its runs) and returns the outcomes in the order asked. */
  closedOutcomes(input: ClosedOutcomesInput): Promise<UnitOutcome[]>;
}

/**
 * Units finish moments after the close signal; one that is stuck (a mail it cannot deliver yet) holds the
 * summary back, and the wait goes on, attempt after attempt, as it would for a child's result. So does one
 * that failed after the close: its failure shows on the pending activity, retried each minute, where a failed
 * child used to fail the whole campaign.
 */
export const { closedOutcomes } = proxyActivities<OutcomeActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});
