// Mails the operators that a workflow of the year is stuck. Started by the workers' watch
// (worker/stuckWatch.ts) with an id made of the stuck run's, so each stuck run is announced once, whichever
// worker sees it first; the mail ledger keeps the delivery itself to once.
import type { NotificationRequest } from '../../domain/notices/notifications.ts';
import { sendNotification } from '../proxies/mail.ts';

export async function stuckNoticeWorkflow(request: NotificationRequest): Promise<void> {
  await sendNotification(request);
}
