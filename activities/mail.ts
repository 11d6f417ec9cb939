// The sendNotification activity: validate, look up the sent-ledger, render, deliver over SMTP, record.
// At most one delivery per business key as long as the ledger holds; a crash between the SMTP server's
// acceptance and the ledger's fsync can still send twice, which the deterministic Message-ID lets mail
// clients collapse.
import { ApplicationFailure, Context, log } from '@temporalio/activity';
import nodemailer, {
  type NodemailerError,
  type SentMessageInfo,
  type SMTPPoolOptions,
  type Transporter,
} from 'nodemailer';
import type { z } from 'zod';
import {
  type NotificationReceipt,
  type NotificationRequest,
  notificationRequestSchema,
  type Recipient,
} from '../domain/notifications.ts';
import { parseInput, rejectInvalid } from '../domain/validation.ts';
import { renderNotification } from './mailTemplates.ts';
import type { SentLedger } from './sentLedger.ts';

type Request = z.output<typeof notificationRequestSchema>;

export interface MailActivityOptions {
  /** One pooled transporter per worker, see createSmtpTransport. */
  transport: Transporter;
  from: Recipient | string;
  ledger: SentLedger;
  /** Right-hand side of the Message-ID, e.g. the sending host's domain. */
  messageIdDomain: string;
}

/** The single pooled transporter of a worker. */
export function createSmtpTransport(smtpUrl: string): Transporter {
  const options: SMTPPoolOptions & { pool: true } = {
    url: smtpUrl,
    pool: true,
    // The pool would re-send a message whose connection dropped mid-delivery (5 times by default) behind
    // the activity's back; with 0 that delivery fails, and Temporal's retry policy, which sees the
    // attempt and checks the sent-ledger first, decides when to try again.
    maxRequeues: 0,
  };
  return nodemailer.createTransport(options);
}

/** `<2027+44+plan+launch@domain>`: "+" is legal in a Message-ID and cannot occur in a key, so ids stay distinct. */
export function messageIdFor(key: string, domain: string): string {
  return `<${key.replaceAll('/', '+')}@${domain}>`;
}

export function createMailActivities(options: MailActivityOptions) {
  const { transport, ledger, messageIdDomain } = options;
  const from = typeof options.from === 'string' ? options.from : address(options.from);
  const queues = new KeyedQueue();

  async function deliver(req: Request): Promise<NotificationReceipt> {
    const sent = ledger.get(req.key);
    if (sent) return { key: req.key, messageId: sent.messageId, sentNow: false };

    const { subject, text } = rejectInvalid(() => renderNotification(req));
    ledger.assertWritable();
    const messageId = messageIdFor(req.key, messageIdDomain);
    const signal = Context.current().cancellationSignal;
    let info: SentMessageInfo;
    try {
      info = await transport.sendMail({
        from,
        to: req.to.map(address),
        cc: req.cc.map(address),
        subject,
        text,
        messageId,
        headers: { 'X-Wanlixing-Key': req.key, 'X-Wanlixing-Kind': req.kind },
        // Aborts a stalled delivery when the attempt is cancelled or times out on this worker.
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw smtpFailure(error as NodemailerError);
    }
    // Some recipients refused, others accepted: the message went out, so resending would duplicate it.
    if (info.rejected?.length) log.warn('recipients rejected', { key: req.key, rejected: info.rejected });
    await ledger.record(req.key, messageId);
    return { key: req.key, messageId, sentNow: true };
  }

  return {
    /** Sends the notice once per business key; a repeat returns the first delivery with sentNow: false. */
    async sendNotification(input: NotificationRequest): Promise<NotificationReceipt> {
      const req = rejectInvalid(() => parseInput(notificationRequestSchema, input, 'notification request'));
      // One at a time per key: an attempt that timed out may still be sending when its retry starts here.
      return queues.run(req.key, () => deliver(req));
    },
  };
}

function address(recipient: Recipient): { name: string; address: string } {
  return { name: recipient.name, address: recipient.email };
}

/** nodemailer sets `permanent` from the reply code: 5xx, except 503 (a session-state error), is final. */
function smtpFailure(error: NodemailerError): ApplicationFailure {
  const permanent = error.permanent === true;
  return ApplicationFailure.create({
    type: permanent ? 'SmtpPermanentFailure' : 'SmtpTransientFailure',
    message: `SMTP delivery failed: ${error.message}`,
    nonRetryable: permanent,
    details: [{ code: error.code, responseCode: error.responseCode, response: error.response }],
    cause: error,
  });
}

/** Runs tasks with the same key one after another, in call order. */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
