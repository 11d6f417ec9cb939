import { proxyActivities } from '@temporalio/workflow';
import type { createMatchingActivities } from '../activities/matching.ts';

/** Pure computation: a failure is a bug or bad input, so it is retried a few times only. */
export const { proposeMatching } = proxyActivities<ReturnType<typeof createMatchingActivities>>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 3, nonRetryableErrorTypes: ['InvalidInput'] },
});
