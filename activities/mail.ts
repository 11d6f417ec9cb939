// The sendNotification activity: validate, render, claim the business key in the mail ledger, deliver over
// SMTP, record the outcome. One delivery per business key, except when an attempt dies after the server
// accepted the message and before the ledger heard so (a crash in the DATA phase): the retry sends again,
// with the same deterministic Message-ID, which mail clients fold into one message. The unit's group robots
// get the notice too, each under its own key in the same ledger (activities/robotDelivery.ts); a channel that
// fails does not hold up the others, and a retry skips those that already have it.
import { ApplicationFailure, log } from '@temporalio/activity';
import type { NodemailerError, SentMessageInfo, Transporter } from 'nodemailer';
import { noticeAuditKind } from '../domain/audit/entry.ts';
import { renderNotification } from '../domain/notices/mailTemplates.ts';
import {
  type NotificationReceipt,
  type NotificationRequest,
  notificationRequestSchema,
  type Recipient,
} from '../domain/notices/notifications.ts';
import { goesToUnitGroups, renderRobotMessage } from '../domain/notices/robotMarkdown.ts';
import { parseInput } from '../domain/validation.ts';
import type { AuditTrail } from '../infra/audit/trail.ts';
import { noRobots, type UnitRobots } from '../infra/channels/robotsFile.ts';
import type { MailLedger } from '../infra/mailLedger/ledger.ts';
import { rejectInvalid } from '../workflows/shared/failures.ts';
import { deliverToRobot, type RobotReceipt } from './robotDelivery.ts';

export interface MailActivityOptions {
  /** One pooled transporter per worker (infra/mail/smtp.ts). */
  transport: Transporter;
  from: Recipient | string;
  ledger: MailLedger;
  /** Right-hand side of the Message-ID, e.g. the sending host's domain. */
  messageIdDomain: string;
  /** The web's public address: notices link to the page where the reader acts. */
  webUrl?: string | undefined;
  /** Each unit's group robots (NOTICE_ROBOTS_FILE); none by default. */
  robots?: UnitRobots;
  /** The audit trail (留痕): each notice delivered is recorded once, under its business key. */
  audit?: AuditTrail | undefined;
}

/** The name the trail gives the system's own actions. */
export const systemActor = { kind: 'system', name: '万里行系统 wanlixing' } as const;

/** `<2027+44+plan+launch@domain>`: "+" is legal in a Message-ID and cannot occur in a key, so ids stay distinct. */
export function messageIdFor(key: string, domain: string): string {
  return `<${key.replaceAll('/', '+')}@${domain}>`;
}

export function createMailActivities(options: MailActivityOptions) {
  const { transport, ledger, messageIdDomain } = options;
  const from = typeof options.from === 'string' ? options.from : address(options.from);
  const unitRobots = options.robots ?? noRobots;

  return {
    /**
     * Sends the notice by e-mail and to the unit's robots, each once per business key; a repeat returns the
     * first delivery with sentNow: false. Fails with the first retryable failure of any channel, else the
     * first permanent one, after every channel had its try.
     */
    async sendNotification(input: NotificationRequest): Promise<NotificationReceipt> {
      const req = rejectInvalid(() => parseInput(notificationRequestSchema, input, 'notification request'));
      const { subject, text } = rejectInvalid(() => renderNotification(req, options.webUrl));
      const robots = goesToUnitGroups(req.kind) ? (unitRobots.get(req.unit.code) ?? []) : [];
      const posts = robots.map((robot) => ({
        robot,
        message: rejectInvalid(() => renderRobotMessage(req, robot.platform, options.webUrl)),
      }));
      // Side by side, so that the slowest channel alone, not their sum, counts against the activity's timeout.
      const [mail, ...robotOutcomes] = await Promise.allSettled([
        sendMail(req, subject, text),
        ...posts.map(({ robot, message }) => deliverToRobot(ledger, req.key, req.unit.code, robot, message)),
      ]);
      const failures = [mail, ...robotOutcomes].flatMap((o) => (o?.status === 'rejected' ? [o.reason] : []));
      if (failures.length > 0) {
        throw failures.find((f) => !(f instanceof ApplicationFailure && f.nonRetryable)) ?? failures[0];
      }
      const receipt = (mail as PromiseFulfilledResult<NotificationReceipt>).value;
      const channels = robotOutcomes.map((o) => (o as PromiseFulfilledResult<RobotReceipt>).value);
      await recordNotice(req, channels);
      return posts.length > 0 ? { ...receipt, robots: channels } : receipt;
    },
  };

  /**
   * Once per business key (the ledger's): a retry after the record failed records it then, and a retry after
   * it succeeded finds it known. A failure here fails the attempt, so Temporal retries until it is recorded;
   * the ledger keeps the notice itself from going out twice.
   */
  async function recordNotice(
    req: ReturnType<typeof notificationRequestSchema.parse>,
    channels: readonly RobotReceipt[],
  ): Promise<void> {
    if (!options.audit) return;
    await options.audit.record({
      actionId: `notice:${req.key}`,
      at: Date.now(),
      year: req.year,
      unitCode: req.unit.code,
      actor: systemActor,
      kind: noticeAuditKind(req.kind),
      via: 'timer',
      detail: {
        key: req.key,
        notice: req.kind,
        ...(req.track && { track: req.track }),
        ...(req.deadline && { deadline: req.deadline }),
        to: req.to.map((r) => r.name),
        channels: ['email', ...channels.map((c) => c.channel)],
      },
    });
  }

  async function sendMail(
    req: ReturnType<typeof notificationRequestSchema.parse>,
    subject: string,
    text: string,
  ): Promise<NotificationReceipt> {
    const messageId = messageIdFor(req.key, messageIdDomain);
    const claim = await ledger.claim(req.key, messageId);
    if (claim.kind === 'sent') return { key: req.key, messageId: claim.messageId, sentNow: false };
    if (claim.kind === 'busy') {
      throw ApplicationFailure.retryable(
        `another attempt is delivering ${req.key} (its claim runs until ${claim.leaseUntil})`,
        'DeliveryInProgress',
      );
    }
    if (claim.takenOver)
      log.warn('resending a notice whose earlier attempt may have delivered it', { key: req.key });
    let info: SentMessageInfo;
    // Keeps other attempts away for as long as this delivery lasts, and no longer once this worker dies.
    const renewal = setInterval(() => {
      ledger
        .renew(req.key, claim.token)
        .catch((error) => log.warn('could not renew the claim', { key: req.key, error }));
    }, ledger.renewEveryMs);
    try {
      // No cancellation signal: a worker shutting down lets a started delivery finish (its grace time
      // covers the SMTP timeouts) instead of cutting the conversation after the server took the message.
      info = await transport.sendMail({
        from,
        to: req.to.map(address),
        cc: req.cc.map(address),
        subject,
        text,
        messageId,
        headers: { 'X-Wanlixing-Key': req.key, 'X-Wanlixing-Kind': req.kind },
      });
    } catch (error) {
      const failure = error as NodemailerError;
      if (neverDelivered(failure)) await ledger.release(req.key, claim.token);
      else await ledger.markUncertain(req.key, claim.token);
      throw smtpFailure(failure);
    } finally {
      clearInterval(renewal);
    }
    // Some recipients refused, others accepted: the message went out, so resending would duplicate it.
    if (info.rejected?.length) log.warn('recipients rejected', { key: req.key, rejected: info.rejected });
    await ledger.markSent(req.key, claim.token);
    return { key: req.key, messageId, sentNow: true };
  }
}

function address(recipient: Recipient): { name: string; address: string } {
  return { name: recipient.name, address: recipient.email };
}

/**
 * The server answered with a refusal, or was never reached. Any other failure broke the connection at a
 * point that may have come after the server took the message.
 */
function neverDelivered(error: NodemailerError & { syscall?: string }): boolean {
  return typeof error.responseCode === 'number' || error.syscall === 'connect' || error.code === 'EDNS';
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
