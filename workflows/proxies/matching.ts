import { proxyActivities } from '@temporalio/workflow';
import type { createMatchingActivities } from '../../activities/matching.ts';

/** Pure computation over rows read from the units: a failure is a bug or bad input, retried a few times only. */
export const { proposeMatching, proposeReview, reviewAction, confirmedDecisions, demandLabels } =
  proxyActivities<ReturnType<typeof createMatchingActivities>>({
    startToCloseTimeout: '2 minutes',
    retry: { maximumAttempts: 3, nonRetryableErrorTypes: ['InvalidInput'] },
  });
