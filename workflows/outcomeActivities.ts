import { proxyActivities } from '@temporalio/workflow';
import type { createOutcomeActivities } from '../activities/outcomes.ts';

/**
 * Units finish moments after the close signal; one that is stuck (a mail it cannot deliver yet) holds the
 * summary back, and the wait goes on, attempt after attempt, as it would for a child's result. So does one
 * that failed after the close: its failure shows on the pending activity, retried each minute, where a failed
 * child used to fail the whole campaign.
 */
export const { closedOutcomes } = proxyActivities<ReturnType<typeof createOutcomeActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute' },
});
