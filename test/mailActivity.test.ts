import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailActivities, createSmtpTransport } from '../activities/mail.ts';
import { renderNotification } from '../activities/mailTemplates.ts';
import { SentLedger } from '../activities/sentLedger.ts';
import {
  type NotificationReceipt,
  type NotificationRequest,
  notificationRequestSchema,
} from '../domain/notifications.ts';
import { type MailSink, startMailSink } from '../scripts/mailSink.ts';

const from = { name: '国家知识产权局知识产权运用促进司', email: 'yunyongsi@cnipa.example' };
const office = { name: '广东省知识产权局', email: 'office@gd.example' };
const paired = { name: '专利局审查业务管理部', email: 'paired@cnipa.example' };

function reminder(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    key: '2027/44/plan/reminder-7d-before-2027-05-25',
    kind: 'deadline.reminder',
    to: [office],
    cc: [paired],
    year: 2027,
    unit: { code: '44', nameZh: '广东省知识产权局', nameEn: 'Guangdong Provincial IP Office' },
    track: 'plan',
    deadline: '2027-05-25',
    daysLeft: 7,
    ...overrides,
  };
}

/** Addresses the sink refuses, with the reply code; tests add and remove them. */
const refused = new Map<string, number>();
let sink: MailSink;
let transport: Transporter;
let dir: string;
let ledgerPath: string;
let ledger: SentLedger;

beforeAll(async () => {
  sink = await startMailSink({ port: 0, rejectRecipient: (address) => refused.get(address) });
  transport = createSmtpTransport(sink.url);
});

afterAll(async () => {
  transport.close();
  await Promise.all([sink.close(), ledger.close()]);
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await ledger?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(join(tmpdir(), 'wlx-mail-'));
  ledgerPath = join(dir, 'var', 'sent.jsonl');
  ledger = await SentLedger.open(ledgerPath);
  refused.clear();
  sink.clear();
});

function activities(withLedger = ledger, over = transport) {
  return createMailActivities({
    transport: over,
    from,
    ledger: withLedger,
    messageIdDomain: 'wanlixing.test',
  });
}

// Failed attempts are expected here; the worker's default logger would print each one.
const quiet = new DefaultLogger('ERROR');

function send(req: NotificationRequest, acts = activities()): Promise<NotificationReceipt> {
  return new MockActivityEnvironment(undefined, { logger: quiet }).run(
    acts.sendNotification,
    req,
  ) as Promise<NotificationReceipt>;
}

async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => {
      throw new Error('expected the activity to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('sendNotification', () => {
  it('delivers exactly the rendered message, with a Message-ID and headers from the key', async () => {
    const req = reminder();
    const receipt = await send(req);
    const messageId = '<2027+44+plan+reminder-7d-before-2027-05-25@wanlixing.test>';
    expect(receipt).toEqual({ key: req.key, messageId, sentNow: true });

    const { subject, text } = renderNotification(notificationRequestSchema.parse(req));
    const [mail, ...others] = await sink.waitFor(1, 5000);
    expect(others).toEqual([]);
    expect(mail).toEqual({
      messageId,
      from: from.email,
      to: [office.email],
      cc: [paired.email],
      subject,
      text: expect.stringContaining(text),
      headers: { key: req.key, kind: 'deadline.reminder' },
      receivedAt: expect.any(String),
    });
    expect(mail?.text.trim()).toBe(text);
    expect(ledger.get(req.key)?.messageId).toBe(messageId);
  });

  it('sends a key once, also when retried after a worker restart', async () => {
    expect((await send(reminder())).sentNow).toBe(true);
    expect(await send(reminder())).toMatchObject({ sentNow: false, messageId: expect.stringMatching(/^</) });

    await ledger.close();
    ledger = await SentLedger.open(ledgerPath);
    expect(await send(reminder(), activities(ledger))).toMatchObject({ sentNow: false });
    expect(sink.messages()).toHaveLength(1);
  });

  it('sends a key once when two attempts overlap', async () => {
    // One set of activities per worker, as in worker/main.ts.
    const acts = activities();
    const receipts = await Promise.all([send(reminder(), acts), send(reminder(), acts)]);
    expect(receipts.map((r) => r.sentNow).sort()).toEqual([false, true]);
    expect(sink.messages()).toHaveLength(1);
  });

  it('fails for good on a permanent SMTP rejection (550) and records nothing', async () => {
    refused.set(office.email, 550);
    refused.set(paired.email, 550);
    const error = await failure(send(reminder()));
    expect(error.type).toBe('SmtpPermanentFailure');
    expect(error.nonRetryable).toBe(true);
    expect(ledger.has(reminder().key)).toBe(false);
    expect(sink.messages()).toEqual([]);
  });

  it('fails retryably on a transient rejection (451), and the retry delivers', async () => {
    refused.set(office.email, 451);
    refused.set(paired.email, 451);
    const error = await failure(send(reminder()));
    expect(error.type).toBe('SmtpTransientFailure');
    expect(error.nonRetryable).toBe(false);
    expect(ledger.has(reminder().key)).toBe(false);

    refused.clear();
    expect((await send(reminder())).sentNow).toBe(true);
    expect(sink.messages()).toHaveLength(1);
  });

  it('fails retryably when the SMTP server cannot be reached', async () => {
    const gone = await startMailSink({ port: 0 });
    await gone.close();
    const unreachable = createSmtpTransport(gone.url);
    try {
      const error = await failure(send(reminder(), activities(ledger, unreachable)));
      expect(error.type).toBe('SmtpTransientFailure');
      expect(error.nonRetryable).toBe(false);
    } finally {
      unreachable.close();
    }
    expect(ledger.has(reminder().key)).toBe(false);
  });

  it('does not send when the ledger can no longer record', async () => {
    const broken = await SentLedger.open(join(dir, 'broken.jsonl'));
    await broken.close();
    await broken.record('other', '<other@test>').catch(() => undefined);
    await expect(send(reminder(), activities(broken))).rejects.toThrow(/failed to append earlier/);
    expect(sink.messages()).toEqual([]);
  });

  it('rejects a bad request for good, naming the field', async () => {
    const { to: _, ...withoutTo } = reminder();
    const error = await failure(send(withoutTo as NotificationRequest));
    expect(error.type).toBe('InvalidInput');
    expect(error.nonRetryable).toBe(true);
    expect(error.message).toMatch(/^invalid notification request: to: /);

    const noDeadline = await failure(send(reminder({ deadline: undefined })));
    expect(noDeadline.type).toBe('InvalidInput');
    expect(noDeadline.message).toMatch(/deadline: required for a deadline\.reminder notice/);
    expect(sink.messages()).toEqual([]);
  });
});
