import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { createMailActivities } from '../../activities/mail.ts';
import type { NotificationRequest } from '../../domain/notices/notifications.ts';

/** SMTP 4xx and dropped connections are retried with backoff; a permanent 5xx (bad address) is not. */
export const { sendNotification } = proxyActivities<ReturnType<typeof createMailActivities>>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '5 seconds',
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['SmtpPermanentFailure', 'InvalidInput'],
  },
});

/** A campaign-wide notice that cannot be delivered must not stop the year; the unit workflow's mail will show it. */
export async function notify(request: NotificationRequest): Promise<void> {
  try {
    await sendNotification(request);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
  }
}
