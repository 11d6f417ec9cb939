import { proxyActivities } from '@temporalio/workflow';
import type { createMailActivities } from '../activities/mail.ts';

/** SMTP 4xx and dropped connections are retried with backoff; a permanent 5xx (bad address) is not. */
export const { sendNotification } = proxyActivities<ReturnType<typeof createMailActivities>>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '5 seconds',
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['SmtpPermanentFailure', 'InvalidInput'],
  },
});
