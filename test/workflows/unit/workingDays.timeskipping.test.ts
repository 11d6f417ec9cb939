// A unit's year on China's working calendar, on a time-skipping server: the 2026 calendar (Labour Day May 1–5
// off, Saturday May 9 worked) shifted to start now, its plan due Friday May 8. Each notice is read back from
// the history at the nominal instant it was sent.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingCalendar } from '../../../client/operations/calendar/workingCalendar.ts';
import {
  type CampaignSchedule,
  compress,
  defaultCalendarConfig,
  endOfDateInShanghai,
  formatShanghaiDateTime,
  resolveCalendar,
  toNominal,
  toReal,
} from '../../../domain/calendar.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { historyValue } from '../../../infra/temporal/payloadCodec.ts';
import { type MailSink, startMailSink } from '../../../scripts/mailSink.ts';
import {
  returnForRevisionUpdate,
  submitDemandListUpdate,
  submitWorkPlanUpdate,
  taskQueue,
  unitStatusQuery,
} from '../../../workflows/shared/messages.ts';
import { contactsOf } from '../../../workflows/unit/notificationRequest.ts';
import { countWorkingDays } from '../../../workflows/unit/patches.ts';
import { unitWorkflow } from '../../../workflows/unit/unitWorkflow.ts';
import { historyText } from '../../support/historyText.ts';
import { sampleDemandList, sampleWorkPlan } from '../../support/samples.ts';
import { bundleWorkflows, testWorker, timeSkippingServer } from '../../support/temporal.ts';

const registry = defaultRegistry();
const unit = findUnit(registry, '11');
let env: TestWorkflowEnvironment;
let sink: MailSink;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  let bundle: Awaited<ReturnType<typeof bundleWorkflows>>;
  [env, bundle, sink] = await Promise.all([
    timeSkippingServer(),
    bundleWorkflows(),
    startMailSink({ port: 0 }),
  ]);
  worker = await testWorker(env.nativeConnection, bundle, sink.url);
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await sink?.close();
  await env?.teardown();
});

/** 2026 with the plan due Friday May 8, shifted to run from the server's now at the wall clock's pace. */
async function schedule(workingDays: boolean): Promise<CampaignSchedule> {
  const config = { ...defaultCalendarConfig, deadlines: { plan: '05-08', summary: '11-10' } };
  const nominal = resolveCalendar(config, 2026);
  const calendar = workingDays
    ? { ...nominal, workingDays: await workingCalendar({ years: [2026] }) }
    : nominal;
  return compress(calendar, await env.currentTimeMs(), nominal.closeAt - nominal.phases.launch.start);
}

let started = 0;
async function startUnit(s: CampaignSchedule): Promise<WorkflowHandle<typeof unitWorkflow>> {
  return env.client.workflow.start(unitWorkflow, {
    taskQueue,
    workflowId: `working-days-${Date.now()}-${++started}`,
    args: [
      {
        year: 2026,
        unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
        contacts: contactsOf(unit, registry),
        schedule: s,
      },
    ],
  });
}

async function sleepUntil(s: CampaignSchedule, date: string): Promise<void> {
  await env.sleep(toReal(s.mapping, endOfDateInShanghai(date)) - (await env.currentTimeMs()));
}

/** The notices the workflow asked for: each key's nominal date and time, Asia/Shanghai. */
async function notices(handle: WorkflowHandle, s: CampaignSchedule): Promise<Record<string, string>> {
  const history = await handle.fetchHistory();
  const sent: Record<string, string> = {};
  for (const event of history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    const payload = scheduled?.input?.payloads?.[0];
    if (scheduled?.activityType?.name !== 'sendNotification' || !payload) continue;
    const { key } = historyValue<{ key: string }>(payload) ?? { key: '?' };
    const real =
      Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);
    sent[key.replace(`2026/${unit.code}/`, '')] = formatShanghaiDateTime(toNominal(s.mapping, real));
  }
  return sent;
}

/** The history's decoded payloads, where patched() records its marker's id. */
const historyOf = (handle: WorkflowHandle) => historyText(env.client, handle.workflowId);

describe('a unit counting working days', () => {
  it('reminds and escalates on working days only: nothing on the Labour Day holiday, the make-up Saturday counted', async () => {
    const s = await schedule(true);
    const handle = await startUnit(s);
    await sleepUntil(s, '2026-05-19');
    expect(await notices(handle, s)).toEqual({
      // 7 calendar days before May 8 is May 1, a holiday: 7 working days before is Friday April 24.
      'plan/reminder-14d-before-2026-05-08': '2026-04-24 09:00',
      'plan/reminder-1d-before-2026-05-08': '2026-05-07 09:00',
      // 逾期 the moment the deadline passes, the end of a working day.
      'plan/overdue-2026-05-08': '2026-05-09 00:00',
      // 3 working days on: the make-up Saturday May 9, Monday 11, Tuesday 12.
      'plan/urging-2026-05-08': '2026-05-12 09:00',
      'plan/supervision-2026-05-08': '2026-05-18 09:00',
    });
    expect(await historyOf(handle)).toContain(countWorkingDays);
  });

  it('gives a return for revision 7 working days', async () => {
    const s = await schedule(true);
    const handle = await startUnit(s);
    await handle.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
    await handle.executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
    await sleepUntil(s, '2026-05-12');
    await handle.executeUpdate(returnForRevisionUpdate, { args: [{ what: 'demandList', reason: '不完整' }] });
    // Returned on Wednesday May 13: Thu 14, Fri 15, then five days of the next week.
    expect((await handle.query(unitStatusQuery)).plan.deadline).toBe('2026-05-22');
  });

  it('keeps calendar days, and records no marker, for a schedule without a working calendar', async () => {
    const s = await schedule(false);
    const handle = await startUnit(s);
    await sleepUntil(s, '2026-05-12');
    expect(await notices(handle, s)).toMatchObject({
      'plan/reminder-7d-before-2026-05-08': '2026-05-01 09:00',
      'plan/urging-2026-05-08': '2026-05-11 09:00',
    });
    expect(await historyOf(handle)).not.toContain(countWorkingDays);
  });
});
