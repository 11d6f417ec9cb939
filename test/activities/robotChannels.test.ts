// A notice on every channel of its unit: e-mail and the unit's WeCom, DingTalk and Feishu robots, each once per
// business key through the shared ledger, against a local server that speaks the platforms' webhook contracts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailActivities } from '../../activities/mail.ts';
import type { NotificationReceipt, NotificationRequest } from '../../domain/notices/notifications.ts';
import type { Robot, UnitRobots } from '../../infra/channels/robotsFile.ts';
import { createSmtpTransport } from '../../infra/mail/smtp.ts';
import type { MailLedger } from '../../infra/mailLedger/ledger.ts';
import { openMailLedger } from '../../infra/mailLedger/open.ts';
import { schema } from '../../infra/mailLedger/sqlLedger.ts';
import { type SqlClient, sqlClient } from '../../infra/sql.ts';
import { type LedgerServer, startLedgerServer } from '../../scripts/ledgerServer.ts';
import { type MailSink, startMailSink } from '../../scripts/mailSink.ts';
import { type RobotServer, startRobotServer } from '../support/robotServer.ts';

const webUrl = 'http://web.test';
const unitPage = `${webUrl}/campaigns/2027/units/44`;

function reminder(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  return {
    key: '2027/44/plan/reminder-7d-before-2027-05-25',
    kind: 'deadline.reminder',
    to: [{ name: '广东省知识产权局', email: 'office@gd.example' }],
    year: 2027,
    unit: { code: '44', nameZh: '广东省知识产权局', nameEn: 'Guangdong Provincial IP Office' },
    track: 'plan',
    deadline: '2027-05-25',
    daysLeft: 7,
    ...overrides,
  };
}

let sink: MailSink;
let transport: Transporter;
let robots: RobotServer;
let dir: string;
let server: LedgerServer;
let ledger: MailLedger;
let sql: SqlClient;

beforeAll(async () => {
  [sink, robots] = await Promise.all([startMailSink({ port: 0 }), startRobotServer()]);
  transport = createSmtpTransport(sink.url);
  dir = await mkdtemp(join(tmpdir(), 'wlx-robots-'));
  server = await startLedgerServer({ dir: join(dir, 'ledger'), port: 0 });
  ledger = await openMailLedger(server.url);
  sql = await sqlClient(server.url);
});

afterAll(async () => {
  transport.close();
  await Promise.all([sink.close(), robots.close(), ledger.close(), sql.close()]);
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await sql.query(`DELETE FROM ${schema}.deliveries`);
  await sql.query(`DELETE FROM ${schema}.robot_posts`);
  sink.clear();
  robots.clear();
  robots.outage = null;
});

/** Unit 44 with a WeCom and a DingTalk robot, plus any given. */
function unitRobots(...more: Robot[]): UnitRobots {
  return new Map([
    [
      '44',
      [
        { platform: 'wecom', url: robots.wecom('wecom-key-44') },
        { platform: 'dingtalk', url: robots.dingtalk('ding-token-44', 'SEC-right'), secret: 'SEC-right' },
        ...more,
      ],
    ],
  ]);
}

const quiet = new DefaultLogger('ERROR');

function send(req: NotificationRequest, withRobots = unitRobots()): Promise<NotificationReceipt> {
  const acts = createMailActivities({
    transport,
    from: 'wanlixing@cnipa.example',
    ledger,
    messageIdDomain: 'wanlixing.test',
    webUrl,
    robots: withRobots,
  });
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

async function states(): Promise<Record<string, string>> {
  const { rows } = await sql.query<{ business_key: string; state: string }>(
    `SELECT business_key, state FROM ${schema}.deliveries ORDER BY business_key`,
  );
  return Object.fromEntries(rows.map((row) => [row.business_key, row.state]));
}

describe('notice channels', () => {
  it('brings a notice to e-mail, the WeCom and the DingTalk robot exactly once each', async () => {
    const first = await send(reminder());
    expect(first.robots).toEqual([
      { channel: 'wecom', sentNow: true },
      { channel: 'dingtalk', sentNow: true },
    ]);
    const again = await send(reminder());
    expect(again).toMatchObject({ sentNow: false, robots: [{ sentNow: false }, { sentNow: false }] });

    expect(sink.messages()).toHaveLength(1);
    const [wecom, ...moreWecom] = robots.posts('wecom');
    const [dingtalk, ...moreDingtalk] = robots.posts('dingtalk');
    expect([moreWecom, moreDingtalk]).toEqual([[], []]);
    for (const post of [wecom, dingtalk]) {
      const text = post?.markdown ?? '';
      // Chinese first, English beside it, and the way to the unit's page.
      expect(text).toMatch(/^\*\*【2027年知识产权服务万里行】提醒：.*2027-05-25截止\*\*/);
      expect(text.indexOf('距截止还有7天')).toBeLessThan(text.indexOf('7 days from now'));
      expect(text).toContain(`[在线办理 Act online](${unitPage})`);
    }
    expect(dingtalk?.body.markdown).toMatchObject({ title: expect.stringContaining('提醒') });
    const key = reminder().key;
    expect(await states()).toEqual({ [key]: 'sent', [`${key}@dingtalk`]: 'sent', [`${key}@wecom`]: 'sent' });
  });

  it('loses nothing and posts nothing twice across a robot outage', async () => {
    // The platform down (503), busy (-1), then dropping the connection after the request came in.
    for (const outage of ['unavailable', 'busy', 'drop'] as const) {
      robots.outage = outage;
      const error = await failure(send(reminder()));
      expect(error.type).toBe('RobotTransientFailure');
      expect(error.nonRetryable).toBe(false);
    }
    // The e-mail went out on the first attempt and was not sent again.
    expect(sink.messages()).toHaveLength(1);
    expect(robots.posts()).toEqual([]);

    robots.outage = null;
    expect((await send(reminder())).robots).toEqual([
      { channel: 'wecom', sentNow: true },
      { channel: 'dingtalk', sentNow: true },
    ]);
    await send(reminder());
    expect(robots.posts().map((post) => post.platform)).toEqual(['wecom', 'dingtalk']);
    expect(sink.messages()).toHaveLength(1);
    // The dropped connection left both posts uncertain; the retry took them over, counted as takeovers.
    const { rows } = await sql.query<{ business_key: string }>(
      `SELECT business_key FROM ${schema}.deliveries WHERE takeovers > 0 ORDER BY business_key`,
    );
    expect(rows.map((row) => row.business_key)).toEqual([
      `${reminder().key}@dingtalk`,
      `${reminder().key}@wecom`,
    ]);
  });

  it('fails for good, saying what to fix, on a wrong DingTalk secret; the other channels still deliver', async () => {
    const wrong: UnitRobots = new Map([
      [
        '44',
        [
          { platform: 'wecom', url: robots.wecom('wecom-key-44') },
          { platform: 'dingtalk', url: robots.dingtalk('ding-token-44', 'SEC-right'), secret: 'SEC-wrong' },
        ],
      ],
    ]);
    const error = await failure(send(reminder(), wrong));
    expect(error.type).toBe('RobotPermanentFailure');
    expect(error.nonRetryable).toBe(true);
    expect(error.message).toMatch(/^钉钉自定义机器人拒收（310000 sign not match/);
    expect(error.message).toContain('units.44.dingtalk.secret');
    expect(error.message).toContain('DingTalk custom robot refused the notice (310000');
    expect(sink.messages()).toHaveLength(1);
    expect(robots.posts().map((post) => post.platform)).toEqual(['wecom']);
    // Nothing recorded for the refused channel: once fixed, a new notice is posted afresh.
    expect(Object.keys(await states())).not.toContain(`${reminder().key}@dingtalk`);
  });

  it('keeps to 20 posts a minute per robot, and says when the next may go', async () => {
    for (let i = 0; i < 20; i += 1) await send(reminder({ key: `2027/44/plan/test-${i}` }));
    const error = await failure(send(reminder({ key: '2027/44/plan/test-20' })));
    expect(error.type).toBe('RobotRateLimited');
    expect(error.nonRetryable).toBe(false);
    expect(Number(error.nextRetryDelay)).toBeGreaterThan(50_000);
    expect(robots.posts('wecom')).toHaveLength(20);
    // The platform never had to refuse: we held back first.
    expect(robots.answers()).toEqual([]);
    expect(sink.messages()).toHaveLength(21);
  });

  it('signs Feishu posts, and a wrong Feishu secret is refused for good', async () => {
    const right = new Map([
      [
        '44',
        [{ platform: 'feishu', url: robots.feishu('fs-44', 'fs-secret'), secret: 'fs-secret' } as Robot],
      ],
    ]);
    expect((await send(reminder(), right)).robots).toEqual([{ channel: 'feishu', sentNow: true }]);
    const [post] = robots.posts('feishu');
    expect(post?.markdown).toContain(`[在线办理 Act online](${unitPage})`);

    const wrong = new Map([
      ['44', [{ platform: 'feishu', url: robots.feishu('fs-44', 'fs-secret'), secret: 'x' } as Robot]],
    ]);
    const error = await failure(send(reminder({ key: '2027/44/plan/other' }), wrong));
    expect(error.message).toContain('19021');
    expect(error.nonRetryable).toBe(true);
  });

  it("cuts a long message to the platform's size, keeping the link", async () => {
    const feedback = Array.from(
      { length: 200 },
      (_, i) => `需求 ${i + 1}：专利导航服务已对接国家知识产权局专利局 / demand ${i + 1} matched`,
    );
    const req = reminder({ key: '2027/44/matching/feedback', kind: 'matching.feedback', feedback });
    expect((await send(req)).robots).toEqual([
      { channel: 'wecom', sentNow: true },
      { channel: 'dingtalk', sentNow: true },
    ]);
    const wecom = robots.posts('wecom')[0]?.markdown ?? '';
    expect(Buffer.byteLength(wecom)).toBeLessThanOrEqual(4096);
    expect(wecom).toContain('其余内容见邮件或网页');
    expect(wecom).toContain(unitPage);
  });

  it("sends the operators' and resources' notices by e-mail alone", async () => {
    await send(reminder({ key: '2027/stuck/44', kind: 'workflow.stuck', feedback: ['WorkflowTaskFailed'] }));
    expect(sink.messages()).toHaveLength(1);
    expect(robots.posts()).toEqual([]);
  });
});
