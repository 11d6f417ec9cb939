// Every version a unit handed in, against a real dev server: each accepted update of each kind the oldest
// first, a failed or refused one left out, the runs before a continue-as-new included, a retry across runs
// counted once, and who sent each joined from the audit trail (none when the trail has no entry).
import type { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Acting } from '../../client/operations/audit/acting.ts';
import { returnForRevision } from '../../client/operations/returnForRevision.ts';
import { sendSubmission } from '../../client/operations/submit.ts';
import {
  currentActivities,
  currentSummary,
  type UnitSubmissions,
  unitSubmissions,
} from '../../client/operations/unitSubmissions.ts';
import { defaultCalendarConfig, resolveCalendar } from '../../domain/calendar.ts';
import { defaultRegistry } from '../../domain/defaultRegistry.ts';
import { findUnit } from '../../domain/registry.ts';
import { openAuditTrail } from '../../infra/audit/sqlTrail.ts';
import type { AuditTrail } from '../../infra/audit/trail.ts';
import { keptSubmissionVersions } from '../../reads/submissionVersions.ts';
import { submitWorkPlanUpdate, taskQueue, unitWorkflowId } from '../../workflows/shared/messages.ts';
import { contactsOf } from '../../workflows/unit/notificationRequest.ts';
import type { unitWorkflow } from '../../workflows/unit/unitWorkflow.ts';
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack } from '../support/localCampaign.ts';
import { sampleActivity, sampleDemandList, sampleResults, sampleWorkPlan } from '../support/samples.ts';
import { runWlx } from '../support/wlx.ts';

const registry = defaultRegistry();
const year = new Date().getUTCFullYear() + 7;
let stack: LocalStack;
let trail: AuditTrail;
let read: UnitSubmissions;
const liaison = (): Acting => ({ actor: { kind: 'unit', name: '11' }, via: 'web', trail });
const operator = (): Acting => ({ actor: { kind: 'operator', name: '张伟' }, via: 'web', trail });

/** A unit of its own (no campaign), continuing as new every few events. */
async function startUnit(code: string) {
  const unit = findUnit(registry, code);
  return stack.client.workflow.start<typeof unitWorkflow>('unitWorkflow', {
    taskQueue,
    workflowId: unitWorkflowId(year, code),
    args: [
      {
        year,
        unit: { code, nameZh: unit.nameZh, nameEn: unit.nameEn },
        contacts: contactsOf(unit, registry),
        schedule: resolveCalendar(defaultCalendarConfig, year),
        historyEventLimit: 20,
      },
    ],
  });
}

beforeAll(async () => {
  [stack, trail] = await Promise.all([localStack(), openAuditTrail('pglite:memory://')]);
  const handle = await startUnit('11');
  const target = { year, unit: '11' };
  const first = { ...sampleWorkPlan(), title: '北京市第一版工作方案' };
  await sendSubmission(stack.client, 'plan', target, [first], undefined, liaison());
  // Refused by the validator: never in the history.
  await expect(
    handle.executeUpdate(submitWorkPlanUpdate, { args: [{ ...first, title: '' }] }),
  ).rejects.toThrow();
  await returnForRevision(stack.client, { ...target, what: 'workPlan', reason: '目标不具体' }, operator());
  // Sent from a script with no trail: no one to name.
  const second = { ...sampleWorkPlan(), title: '北京市第二版工作方案' };
  await sendSubmission(stack.client, 'plan', { ...target, updateId: 'plan-2' }, [second]);
  await sendSubmission(stack.client, 'demands', target, [sampleDemandList()], undefined, liaison());
  const activity = sampleActivity();
  await sendSubmission(stack.client, 'activity', target, [activity], undefined, liaison());
  await sendSubmission(stack.client, 'activity', target, [{ ...activity, participants: 99 }]);
  await sendSubmission(stack.client, 'activity', target, [{ ...activity, id: 'other' }]);
  // The unit continues as new once its history passes 20 events, when it next wakes: wait for that, so the
  // versions before and after come from two runs, and the same update id is sent again in the later one.
  await eventually(
    async () => ((await handle.describe()).runId !== handle.firstExecutionRunId ? true : undefined),
    30_000,
    'the unit continuing as new',
  );
  await sendSubmission(stack.client, 'plan', { ...target, updateId: 'plan-2' }, [second]);
  await sendSubmission(stack.client, 'results', target, [{ results: sampleResults() }], undefined, liaison());
  read = await unitSubmissions(stack.client, trail, target);
}, 180_000);

afterAll(async () => {
  await trail?.close();
  await stack?.stop();
});

describe("a unit's submissions, every version", () => {
  it('lists each plan the oldest first, across runs, with who sent it when the trail knows', () => {
    expect(read.plan.map((v) => [v.number, v.value.title, v.who?.actor.name ?? null])).toEqual([
      [1, '北京市第一版工作方案', '11'],
      [2, '北京市第二版工作方案', null],
    ]);
    expect(read.plan[0]?.who?.via).toBe('web');
    expect(read.plan[1]?.updateId).toBe('plan-2');
    const [a, b] = read.plan;
    expect(a && b && a.at > 0 && a.at <= b.at).toBe(true);
  });

  it('keeps the return between them, with the operator who returned it', () => {
    expect(read.returns.map((r) => [r.value.what, r.value.reason, r.who?.actor.name])).toEqual([
      ['workPlan', '目标不具体', '张伟'],
    ]);
    const [first, second] = read.plan;
    const at = read.returns[0]?.at ?? 0;
    expect(first && second && first.at <= at && at <= second.at).toBe(true);
  });

  it('gives the whole demand list, and the activities numbered by their own id', () => {
    expect(read.demands).toHaveLength(1);
    expect(read.demands[0]?.value.items).toEqual(sampleDemandList().items);
    const id = sampleActivity().id;
    expect(read.activities.map((v) => [v.value.id, v.number])).toEqual([
      [id, 1],
      [id, 2],
      ['other', 1],
    ]);
    expect(currentActivities(read.activities).map((v) => [v.value.id, v.value.participants])).toEqual([
      [id, 99],
      ['other', sampleActivity().participants],
    ]);
  });

  it('gives the summary as it stands: the results handed in, no written summary yet', () => {
    const current = currentSummary(read.summary);
    expect(current.results?.value.results).toEqual(sampleResults());
    expect(current.written).toBeUndefined();
  });

  it('prints the same versions from `wlx unit submissions`, as JSON and as a table', async () => {
    const env = {
      ...process.env,
      TEMPORAL_ADDRESS: (stack.client.connection as Connection).options.address,
      WEB_DB_URL: '',
      MAIL_LEDGER_URL: '',
    };
    const args = ['unit', 'submissions', '--year', String(year), '--unit', '11'];
    const json = await runWlx(env, [...args, '--json']);
    expect(json.code, json.stderr).toBe(0);
    // Without the web's database wlx knows no one: the versions are the same, who is left out.
    const printed = JSON.parse(json.stdout) as UnitSubmissions;
    const anonymous = (list: { who: unknown }[]) => list.map((v) => ({ ...v, who: null }));
    expect(printed.plan).toEqual(anonymous(read.plan));
    expect(printed.demands.map((v) => v.value.items.length)).toEqual([sampleDemandList().items.length]);
    expect(printed.returns).toEqual(
      read.returns.map((r) => ({ ...r, who: { actor: { kind: 'operator', name: '张伟' }, via: null } })),
    );
    const table = await runWlx(env, args);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(at('北京市第一版工作方案')).toBeGreaterThan(1);
    expect(at('退回工作方案：目标不具体')).toBeGreaterThan(at('北京市第一版工作方案'));
    expect(at('北京市第二版工作方案')).toBeGreaterThan(at('退回工作方案：目标不具体'));
    expect(table.stdout).toContain('第 2 版');
  });

  it('keeps a read until the history grows, and reads afresh after a new submission', async () => {
    const kept = keptSubmissionVersions();
    const first = await kept(stack.client, year, '11');
    expect(first.plan.map((v) => v.updateId)).toEqual(read.plan.map((v) => v.updateId));
    expect(await kept(stack.client, year, '11')).toBe(first);
    await sendSubmission(stack.client, 'activity', { year, unit: '11' }, [
      { ...sampleActivity(), id: 'third' },
    ]);
    const after = await kept(stack.client, year, '11');
    expect(after).not.toBe(first);
    expect(after.activities.map((v) => v.value.id)).toEqual([
      ...first.activities.map((v) => v.value.id),
      'third',
    ]);
  });
});
