// Every notice the system delivers is in the audit trail once, under its business key, as the system's action
// on a timer: a retry neither records it twice nor, when the trail failed, loses it or sends the mail again.
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMailActivities, systemActor } from '../../activities/mail.ts';
import type { NotificationRequest } from '../../domain/notices/notifications.ts';
import { openAuditTrail } from '../../infra/audit/sqlTrail.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { createSmtpTransport } from '../../infra/mail/smtp.ts';
import { openMailLedger } from '../../infra/mailLedger/open.ts';
import { type MailSink, startMailSink } from '../../scripts/mailSink.ts';

const office = { name: '广东省知识产权局', email: 'office@gd.example' };
const unit = { code: '44', nameZh: '广东省知识产权局', nameEn: 'Guangdong Provincial IP Office' };
const notice = (key: string, kind: NotificationRequest['kind']): NotificationRequest => ({
  key,
  kind,
  to: [office],
  cc: [],
  year: 2027,
  unit,
  track: 'plan',
  deadline: '2027-05-25',
  daysLeft: kind === 'deadline.reminder' ? 7 : 0,
});

let sink: MailSink;
let trail: AuditTrail;
beforeAll(async () => {
  sink = await startMailSink({ port: 0 });
  trail = await openAuditTrail('pglite:memory://');
});
afterAll(async () => {
  await sink?.close();
  await trail?.close();
});

it('records each delivered notice once, as the system on a timer, reminder and escalation by their kinds', async () => {
  let failNext = true;
  // The trail's database is away for the first attempt only.
  const flaky: AuditTrail = {
    ...trail,
    record: (entry) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('connection refused'));
      }
      return trail.record(entry);
    },
  };
  const transport = createSmtpTransport(sink.url);
  const acts = createMailActivities({
    transport,
    from: 'wanlixing@cnipa.example',
    ledger: await openMailLedger('pglite:memory://'),
    messageIdDomain: 'wanlixing.test',
    audit: flaky,
  });
  const run = (req: NotificationRequest) =>
    new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR') }).run(
      acts.sendNotification,
      req,
    );
  const reminder = notice('2027/44/plan/reminder-7d', 'deadline.reminder');
  await expect(run(reminder)).rejects.toThrow(/connection refused/);
  await run(reminder); // Temporal's retry
  await run(reminder); // and another, after it was recorded
  await run(notice('2027/44/plan/overdue', 'deadline.overdue'));
  transport.close();

  expect((await sink.waitFor(2, 5000)).map((m) => m.headers.key)).toEqual([
    '2027/44/plan/reminder-7d',
    '2027/44/plan/overdue',
  ]);
  const entries = await trail.list({ year: 2027 });
  expect(entries.map((e) => [e.actionId, e.kind, e.actor, e.via, e.unitCode])).toEqual([
    ['notice:2027/44/plan/reminder-7d', 'notice.reminder', systemActor, 'timer', '44'],
    ['notice:2027/44/plan/overdue', 'notice.escalation', systemActor, 'timer', '44'],
  ]);
  expect(entries[0]?.detail).toMatchObject({
    notice: 'deadline.reminder',
    to: [office.name],
    channels: ['email'],
  });
});
