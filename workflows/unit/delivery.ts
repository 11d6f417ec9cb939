// The mail a unit's machine asks for, sent in order by the mail activity.
import { ActivityFailure } from '@temporalio/workflow';
import { sendNotification } from '../proxies/mail.ts';
import { notificationRequest } from './notificationRequest.ts';
import type { NotifyParams } from './unitMachine.ts';
import type { UnitRun } from './unitRun.ts';

/** Sends the pending mail, oldest first; each leaves `pending` once it is sent or recorded as undelivered. */
export async function deliverPending(run: UnitRun): Promise<void> {
  while (run.pending.length > 0) {
    await deliver(run, run.pending[0] as NotifyParams);
    run.pending.shift();
  }
}

async function deliver(run: UnitRun, params: NotifyParams): Promise<void> {
  const { year, unit, contacts } = run.input;
  const request = notificationRequest(params, year, unit, contacts, run.snapshot.context.feedback);
  try {
    await sendNotification(request);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    // A bad address must not stop the unit's year: record it for the operators and go on.
    run.undelivered.push(`${request.key}: ${error.cause?.message ?? error.message}`);
  }
}
