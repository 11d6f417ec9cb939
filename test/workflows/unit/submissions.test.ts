// Updates against a real server: bad input is rejected with the field named and nothing changes;
// a retried update is applied once, also after continue-as-new.
import { type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandList } from '../../../bench/volume/generate.ts';
import { defaultCalendarConfig, resolveCalendar } from '../../../domain/calendar.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { findUnit } from '../../../domain/registry.ts';
import { historyValue } from '../../../infra/temporal/payloadCodec.ts';
import { type MailSink, startMailSink } from '../../../scripts/mailSink.ts';
import {
  campaignWorkflowId,
  designateKeyRegionsUpdate,
  grantExtensionUpdate,
  recordActivityUpdate,
  recordMatchesUpdate,
  remindUnitUpdate,
  returnForRevisionUpdate,
  submitDemandListUpdate,
  submitWorkPlanUpdate,
  taskQueue,
  unitStatusQuery,
  unitWorkflowId,
} from '../../../workflows/shared/messages.ts';
import type { UnitStatus } from '../../../workflows/shared/status.ts';
import { contactsOf } from '../../../workflows/unit/notificationRequest.ts';
import { unitWorkflow } from '../../../workflows/unit/unitWorkflow.ts';
import { sampleActivity, sampleDemandList, sampleWorkPlan } from '../../support/samples.ts';
import { bundleWorkflows, testWorker, timeSkippingServer } from '../../support/temporal.ts';
import { nextYear, startTestCampaign } from '../../support/testCampaign.ts';

const registry = defaultRegistry();
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let sink: MailSink;
let worker: Worker;
let running: Promise<void>;
let year: number;

beforeAll(async () => {
  [env, bundle, sink] = await Promise.all([
    timeSkippingServer(),
    bundleWorkflows(),
    startMailSink({
      port: 0,
      rejectRecipient: (address) => (address.endsWith('@bad.example') ? 550 : undefined),
    }),
  ]);
  year = await nextYear(env);
  worker = await testWorker(env.nativeConnection, bundle, sink.url);
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await sink?.close();
  await env?.teardown();
});

let started = 0;
/** A unit workflow of its own (no campaign), so each test starts from a fresh unit. */
async function startUnit(
  historyEventLimit?: number,
  office = findUnit(registry, '11').contacts.office,
): Promise<WorkflowHandle<typeof unitWorkflow>> {
  const unit = findUnit(registry, '11');
  return env.client.workflow.start(unitWorkflow, {
    taskQueue,
    workflowId: `${unitWorkflowId(year, unit.code)}-test-${++started}`,
    args: [
      {
        year,
        unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
        contacts: { ...contactsOf(unit, registry), office },
        schedule: resolveCalendar(defaultCalendarConfig, year),
        ...(historyEventLimit && { historyEventLimit }),
      },
    ],
  });
}

async function rejection(promise: Promise<unknown>): Promise<{ type?: string; message: string }> {
  const error = await promise.then(
    () => {
      throw new Error('the update was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  return { type: cause.type, message: cause.message };
}

async function acceptedUpdates(handle: WorkflowHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

describe('submissions through updates', () => {
  it('rejects a work plan without a title, naming the field, and changes nothing', async () => {
    const handle = await startUnit();
    const before = await handle.query(unitStatusQuery);
    const { title: _, ...untitled } = sampleWorkPlan();
    const failure = await rejection(
      handle.executeUpdate(submitWorkPlanUpdate, { args: [untitled as never] }),
    );
    expect(failure.type).toBe('InvalidInput');
    expect(failure.message).toContain('title:');
    expect(await handle.query(unitStatusQuery)).toEqual(before);
    expect(await acceptedUpdates(handle)).toBe(0);
  });

  it('rejects wrong types with the path of each bad field', async () => {
    const handle = await startUnit();
    const activity = { ...sampleActivity(), participants: 'many', keyTask: 9 };
    const failure = await rejection(
      handle.executeUpdate(recordActivityUpdate, { args: [activity as never] }),
    );
    expect(failure.message).toMatch(/participants: Invalid input: expected number, received string/);
    expect(failure.message).toMatch(/keyTask: a key task number from 1 to 5/);
    expect((await handle.query(unitStatusQuery)).activitiesRecorded).toBe(0);
  });

  it('rejects a demand flagged for CNIPA coordination without a reason', async () => {
    const handle = await startUnit();
    const list = sampleDemandList();
    const flagged = list.items[0];
    if (!flagged) throw new Error('sample demand list is empty');
    delete flagged.coordinationReason;
    const failure = await rejection(handle.executeUpdate(submitDemandListUpdate, { args: [list] }));
    expect(failure.message).toContain(
      'items[0].coordinationReason: required when needsCnipaCoordination is true',
    );
    expect((await handle.query(unitStatusQuery)).missing).toContain('demandList');
  });

  it('rejects operator actions the unit is not ready for, saying why', async () => {
    const handle = await startUnit();
    const back = await rejection(
      handle.executeUpdate(returnForRevisionUpdate, { args: [{ what: 'workPlan', reason: '不具体' }] }),
    );
    expect(back.type).toBe('NotAllowedNow');
    expect(back.message).toContain('cannot return workPlan now');
    const shorter = await rejection(
      handle.executeUpdate(grantExtensionUpdate, { args: [{ track: 'plan', until: `${year}-05-01` }] }),
    );
    expect(shorter.message).toContain(`to a date after ${year}-05-25`);
    const badDate = await rejection(
      handle.executeUpdate(grantExtensionUpdate, { args: [{ track: 'plan', until: '6月5日' }] }),
    );
    expect(badDate.message).toContain('until: a date of the form YYYY-MM-DD');
  });

  it('applies the same update id once', async () => {
    const handle = await startUnit();
    const first = await handle.executeUpdate(recordActivityUpdate, {
      args: [sampleActivity()],
      updateId: 'act-1',
    });
    const again = await handle.executeUpdate(recordActivityUpdate, {
      args: [{ ...sampleActivity(), id: 'other-activity' }],
      updateId: 'act-1',
    });
    expect(first.activitiesRecorded).toBe(1);
    expect(again).toEqual(first);
    expect((await handle.query(unitStatusQuery)).activitiesRecorded).toBe(1);
  });

  it('applies the same update id once across continue-as-new, keeping the machine state', async () => {
    const handle = await startUnit(12);
    const { runId: firstRun } = await handle.describe();
    await handle.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
    const first = await handle.executeUpdate(recordActivityUpdate, {
      args: [{ ...sampleActivity(), id: 'a-0' }],
      updateId: 'activity-0',
    });
    for (let i = 1; i < 4; i++) {
      await handle.executeUpdate(recordActivityUpdate, { args: [{ ...sampleActivity(), id: `a-${i}` }] });
    }
    await waitFor(async () => (await handle.describe()).runId !== firstRun);

    // The retry carries another payload under the same id: applying it would record a fifth activity.
    const retried = await handle.executeUpdate(recordActivityUpdate, {
      args: [{ ...sampleActivity(), id: 'a-retried' }],
      updateId: 'activity-0',
    });
    // Answered with the unit as it is now; what matters is that it was not applied again.
    expect(first.activitiesRecorded).toBe(1);
    expect(retried.activitiesRecorded).toBe(4);
    const status = await handle.query(unitStatusQuery);
    expect(status).toEqual(retried);
    expect(status.state).toBe('planning.awaitingPlan');
    expect(status.missing).toEqual(['demandList']);

    // The new run carries the applied update ids, not a status per update (each holds the flagged rows).
    const history = await handle.fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const input = started?.input?.payloads?.[0];
    const carried = (input && historyValue<{ carried: Record<string, unknown> }>(input))?.carried;
    expect(carried?.appliedUpdateIds).toContain('activity-0');
    expect(carried?.appliedUpdates).toBeUndefined();
  });

  it('takes a 5,000-row demand list across continue-as-new with every event under 256 kB', async () => {
    const handle = await startUnit(8);
    const { runId: firstRun } = await handle.describe();
    const rows = demandList('11', 5_000);
    const flagged = rows.items.filter((item) => item.needsCnipaCoordination);
    await handle.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
    const answered = await handle.executeUpdate(submitDemandListUpdate, { args: [rows] });
    expect(answered.flaggedDemands).toHaveLength(flagged.length);
    for (let i = 0; i < 3; i++) {
      await handle.executeUpdate(recordActivityUpdate, { args: [{ ...sampleActivity(), id: `a-${i}` }] });
    }
    await waitFor(async () => (await handle.describe()).runId !== firstRun);

    // The new run holds the whole list: a second, revised, submission is checked against it.
    const status = await handle.query(unitStatusQuery);
    expect(status.flaggedDemands.map((d) => d.id)).toEqual(flagged.map((d) => d.id));
    expect(status.missing).toEqual([]);
    for (const runId of [firstRun, (await handle.describe()).runId]) {
      const history = await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
      const sizes = (history.events ?? []).map(
        (e) =>
          temporal.api.history.v1.HistoryEvent.encode(
            temporal.api.history.v1.HistoryEvent.fromObject(e),
          ).finish().length,
      );
      // Plain, the list alone is 2.7 MB: past Temporal's 2 MB payload limit.
      expect(Math.max(...sizes), `largest event of run ${runId}`).toBeLessThan(256 * 1024);
    }
  });
});

describe('mail that cannot be delivered', () => {
  it('is recorded for the operators and does not stop the unit', async () => {
    const handle = await startUnit(undefined, { name: '错误地址', email: 'nobody@bad.example' });
    await handle.executeUpdate(remindUnitUpdate, { args: [{}] });
    const status = await waitForStatus(handle, (s) => s.undelivered.length > 0);
    expect(status.undelivered[0]).toMatch(
      new RegExp(`^${year}/11/plan/operator-reminder-\\d+: SMTP delivery failed`),
    );
    const after = await handle.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
    expect(after.missing).toEqual(['demandList']);
  });
});

describe('the campaign rejects matching decisions that do not fit', () => {
  it('names an unknown unit, an unflagged demand and a wrong number of key regions', async () => {
    const { handle: campaign } = await startTestCampaign(env.client, {
      year,
      unitCodes: ['11', '12'],
      workflowId: `${campaignWorkflowId(year)}-rejections`,
    });
    const matches = await rejection(
      campaign.executeUpdate(recordMatchesUpdate, {
        args: [
          {
            matches: [
              { unitCode: '99', demandId: 'X-1', resourceId: 'cnipa-protection' },
              { unitCode: '11', demandId: 'BJ-404', resourceId: 'no-such-resource' },
            ],
            pairings: [],
          },
        ],
      }),
    );
    expect(matches.message).toContain('matches[0].unitCode: "99" is not a reporting unit of this campaign');
    expect(matches.message).toContain('matches[1].demandId: unit 11 has no demand "BJ-404" flagged');
    expect(matches.message).toContain('matches[1].resourceId: unknown resource "no-such-resource"');

    const regions = await rejection(
      campaign.executeUpdate(designateKeyRegionsUpdate, {
        args: [{ regions: ['11', '12'], exchangeHosts: ['x'] }],
      }),
    );
    expect(regions.message).toContain('regions: choose 3 or 4 regions for key guidance');
    expect(() => findUnit(registry, '99')).toThrow(/unknown unit code "99"/);
    await campaign.terminate('test over');
  });
});

async function waitForStatus(
  handle: WorkflowHandle<typeof unitWorkflow>,
  check: (status: UnitStatus) => boolean,
): Promise<UnitStatus> {
  let status = await handle.query(unitStatusQuery);
  await waitFor(async () => {
    status = await handle.query(unitStatusQuery);
    return check(status);
  });
  return status;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
