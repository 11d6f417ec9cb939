import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailActivities } from '../../activities/mail.ts';
import { renderNotification } from '../../domain/notices/mailTemplates.ts';
import {
  type NotificationReceipt,
  type NotificationRequest,
  notificationRequestSchema,
} from '../../domain/notices/notifications.ts';
import { createSmtpTransport } from '../../infra/mail/smtp.ts';
import type { MailLedger } from '../../infra/mailLedger/ledger.ts';
import { openMailLedger } from '../../infra/mailLedger/open.ts';
import { schema } from '../../infra/mailLedger/sqlLedger.ts';
import { type SqlClient, sqlClient } from '../../infra/sql.ts';
import { type LedgerServer, startLedgerServer } from '../../scripts/ledgerServer.ts';
import { type MailSink, startMailSink } from '../../scripts/mailSink.ts';

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
/** The shared ledger, over the PostgreSQL protocol as workers reach it. */
let server: LedgerServer;
let ledger: MailLedger;
/** Reads the ledger's table as an operator would. */
let sql: SqlClient;

beforeAll(async () => {
  sink = await startMailSink({ port: 0, rejectRecipient: (address) => refused.get(address) });
  transport = createSmtpTransport(sink.url);
  dir = await mkdtemp(join(tmpdir(), 'wlx-mail-'));
  server = await startLedgerServer({ dir: join(dir, 'ledger'), port: 0 });
  ledger = await openMailLedger(server.url);
  sql = await sqlClient(server.url);
});

afterAll(async () => {
  transport.close();
  await Promise.all([sink.close(), ledger.close(), sql.close()]);
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await sql.query(`DELETE FROM ${schema}.deliveries`);
  refused.clear();
  sink.clear();
});

async function row(key: string) {
  const { rows } = await sql.query<{ state: string; message_id: string; takeovers: number }>(
    `SELECT state, message_id, takeovers FROM ${schema}.deliveries WHERE business_key = $1`,
    [key],
  );
  return rows[0];
}

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
    expect(await row(req.key)).toEqual({ state: 'sent', message_id: messageId, takeovers: 0 });
  });

  it('sends a key once, also when retried by another worker with its own connection', async () => {
    expect((await send(reminder())).sentNow).toBe(true);
    expect(await send(reminder())).toMatchObject({ sentNow: false, messageId: expect.stringMatching(/^</) });

    const other = await openMailLedger(server.url);
    try {
      expect(await send(reminder(), activities(other))).toMatchObject({ sentNow: false });
    } finally {
      await other.close();
    }
    expect(sink.messages()).toHaveLength(1);
  });

  it('sends a key once when attempts on two workers overlap; the one that lost the claim is retried', async () => {
    const other = await openMailLedger(server.url);
    try {
      const outcomes = await Promise.allSettled([
        send(reminder(), activities(ledger)),
        send(reminder(), activities(other)),
      ]);
      const sent = outcomes.filter((o) => o.status === 'fulfilled' && o.value.sentNow);
      expect(sent).toHaveLength(1);
      // The other either found it delivered or found the delivery under way, which Temporal retries.
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason.type).toBe('DeliveryInProgress');
      }
      expect(await send(reminder(), activities(other))).toMatchObject({ sentNow: false });
    } finally {
      await other.close();
    }
    expect(sink.messages()).toHaveLength(1);
  });

  it('keeps other attempts away while a claim is live, and takes over one whose sender died', async () => {
    const key = reminder().key;
    const first = await ledger.claim(key, '<m@test>');
    expect(first).toMatchObject({ kind: 'claimed', takenOver: false });
    expect(await ledger.claim(key, '<m@test>')).toMatchObject({ kind: 'busy' });
    // The sender died mid-delivery: its lease runs out.
    await sql.query(`UPDATE ${schema}.deliveries SET lease_until = now() - interval '1 second'`);
    expect((await send(reminder())).sentNow).toBe(true);
    expect(await row(key)).toMatchObject({ state: 'sent', takeovers: 1 });
    // The dead sender's claim is gone: it can neither renew it nor mark the key.
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    expect(await ledger.renew(key, first.token)).toBe(false);
  });

  it('keeps a claim whose sender renews it past its lease', async () => {
    const key = reminder().key;
    const claim = await ledger.claim(key, '<m@test>');
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await sql.query(`UPDATE ${schema}.deliveries SET lease_until = now() + interval '1 second'`);
    expect(await ledger.renew(key, claim.token)).toBe(true);
    const { rows } = await sql.query<{ left: number }>(
      `SELECT extract(epoch FROM lease_until - now())::float AS left FROM ${schema}.deliveries`,
    );
    expect(rows[0]?.left).toBeGreaterThan(20);
    expect(await ledger.claim(key, '<m@test>')).toMatchObject({ kind: 'busy' });
  });

  it('lets a worker shutting down finish the delivery it started, and records it', async () => {
    const env = new MockActivityEnvironment(undefined, { logger: quiet });
    const receipt = env.run(activities().sendNotification, reminder()) as Promise<NotificationReceipt>;
    // Cancelled as a worker's shutdown cancels its activities, while the message is on its way.
    await new Promise((done) => setImmediate(done));
    env.cancel('WORKER_SHUTDOWN');
    expect(await receipt).toMatchObject({ sentNow: true });
    expect(await row(reminder().key)).toMatchObject({ state: 'sent' });
    expect(sink.messages()).toHaveLength(1);
  });

  it('fails for good on a permanent SMTP rejection (550) and records nothing', async () => {
    refused.set(office.email, 550);
    refused.set(paired.email, 550);
    const error = await failure(send(reminder()));
    expect(error.type).toBe('SmtpPermanentFailure');
    expect(error.nonRetryable).toBe(true);
    expect(await row(reminder().key)).toBeUndefined();
    expect(sink.messages()).toEqual([]);
  });

  it('fails retryably on a transient rejection (451), and the retry delivers', async () => {
    refused.set(office.email, 451);
    refused.set(paired.email, 451);
    const error = await failure(send(reminder()));
    expect(error.type).toBe('SmtpTransientFailure');
    expect(error.nonRetryable).toBe(false);
    expect(await row(reminder().key)).toBeUndefined();

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
    // Never reached: nothing went out, and the retry is a fresh delivery, not a possible duplicate.
    expect(await row(reminder().key)).toBeUndefined();
  });

  it('does not send when the ledger cannot be reached', async () => {
    const gone = await openMailLedger(server.url);
    await gone.close();
    await expect(send(reminder(), activities(gone))).rejects.toThrow();
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
