// A notice to one of the unit's group robots, once per business key and platform: the same ledger and the same
// rules as the e-mail (activities/mail.ts). Claim `<key>@<platform>`; take a slot of the platform's rate limit;
// post; record: posted → sent; refused or never reached → released, so a retry posts afresh; broken after the
// request left → uncertain, so a retry posts again (the one case that may show the message twice in the group).
import { createHash } from 'node:crypto';
import { ApplicationFailure, log } from '@temporalio/activity';
import type { NotificationReceipt } from '../domain/notices/notifications.ts';
import { platformLabels, type RobotMessage } from '../domain/notices/robotMarkdown.ts';
import { rateWindows, readReply, robotPost } from '../infra/channels/platforms.ts';
import { postJson } from '../infra/channels/post.ts';
import type { Robot } from '../infra/channels/robotsFile.ts';
import type { MailLedger } from '../infra/mailLedger/ledger.ts';

export type RobotReceipt = NonNullable<NotificationReceipt['robots']>[number];

/** The ledger's key of a notice on a robot's channel; "@" never occurs in a business key. */
const robotKey = (key: string, robot: Robot) => `${key}@${robot.platform}`;

/** The robot's name in the ledger's rate table: a digest, since its address holds its key. */
const robotId = (robot: Robot) => createHash('sha256').update(robot.url).digest('hex').slice(0, 32);

export async function deliverToRobot(
  ledger: MailLedger,
  key: string,
  unitCode: string,
  robot: Robot,
  message: RobotMessage,
): Promise<RobotReceipt> {
  const channel = robot.platform;
  const ledgerKey = robotKey(key, robot);
  const field = `units.${unitCode}.${robot.platform}`;
  const label = platformLabels[robot.platform];
  const claim = await ledger.claim(ledgerKey, channel);
  if (claim.kind === 'sent') return { channel, sentNow: false };
  if (claim.kind === 'busy')
    throw ApplicationFailure.retryable(
      `another attempt is posting ${ledgerKey} (its claim runs until ${claim.leaseUntil})`,
      'DeliveryInProgress',
    );
  const waitMs = await ledger.takeSlot(robotId(robot), rateWindows[robot.platform]);
  if (waitMs > 0) {
    await ledger.release(ledgerKey, claim.token);
    throw ApplicationFailure.create({
      type: 'RobotRateLimited',
      message: `${label.zh}发送频率已达上限，${Math.ceil(waitMs / 1000)} 秒后重试 / ${label.en} at its rate limit; next try in ${Math.ceil(waitMs / 1000)} s`,
      nextRetryDelay: waitMs,
    });
  }
  if (claim.takenOver)
    log.warn('posting again a notice whose earlier post may have reached the group', { ledgerKey });
  const post = robotPost(robot, message, Date.now());
  // The key as e-mail carries it (X-Wanlixing-Key): the platforms ignore it; a log or a test can match posts to keys.
  const outcome = await postJson(post.url, post.body, { 'x-wanlixing-key': ledgerKey });
  if (outcome.kind === 'unreached') {
    await ledger.release(ledgerKey, claim.token);
    throw transient(`${label.en} unreachable: ${outcome.message}`);
  }
  if (outcome.kind === 'broken') {
    await ledger.markUncertain(ledgerKey, claim.token);
    throw transient(`${label.en}: the answer was lost (${outcome.message}); it may have posted`);
  }
  const { status, json } = outcome;
  // Gateways that turned the request away before the platform saw it.
  if ([429, 502, 503].includes(status)) {
    await ledger.release(ledgerKey, claim.token);
    throw transient(`${label.en} answered HTTP ${status}`);
  }
  if (status >= 500) {
    await ledger.markUncertain(ledgerKey, claim.token);
    throw transient(`${label.en} answered HTTP ${status}; it may have posted`);
  }
  const reply = readReply(robot.platform, field, status, json);
  if (reply.kind === 'sent') {
    await ledger.markSent(ledgerKey, claim.token);
    return { channel, sentNow: true };
  }
  await ledger.release(ledgerKey, claim.token);
  if (reply.kind === 'retry') {
    throw ApplicationFailure.create({
      type: 'RobotTransientFailure',
      message: `${label.en} answered ${reply.code} ${reply.message}`,
      ...(reply.delayMs ? { nextRetryDelay: reply.delayMs } : {}),
    });
  }
  throw ApplicationFailure.create({
    type: 'RobotPermanentFailure',
    nonRetryable: true,
    message:
      `${label.zh}拒收（${reply.code} ${reply.message}），${reply.fix.zh} / ` +
      `${label.en} refused the notice (${reply.code} ${reply.message}): ${reply.fix.en}`,
    details: [{ platform: robot.platform, code: reply.code, field }],
  });
}

function transient(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'RobotTransientFailure', message });
}
