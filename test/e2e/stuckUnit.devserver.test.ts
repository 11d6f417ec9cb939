// A unit wedged by a defect of the Temporal SDK's core (1.24), reproduced on a real dev server, and the
// operator's way out. The sequence, as the fault drill met it:
//   1. the worker dies while the unit waits on a timer;
//   2. someone reads the unit by query (the Temporal UI, `temporal workflow query`) while no worker is up;
//   3. the timer falls due; a fresh worker answers the query from the history it is sent, and on the way runs
//      the fired timer into commands it keeps for the next task;
//   4. the unit's plan comes in as an update: the next task carries it, and history records the timer's
//      mail before the update's acceptance;
//   5. on replay core hands over the update and the timer in one activation, update first: a cold worker
//      cannot replay the unit any more, every task fails, the year cannot close.
// No workflow code can order it both ways; the unit must be shown as stuck and be recoverable.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unreplayableRuns } from '../../client/operations/recovery/replayAll.ts';
import { firstUnreplayableEvent } from '../../client/operations/recovery/replayCheck.ts';
import { offsetFromDeadline, toReal } from '../../domain/calendar.ts';
import { startMailSink } from '../../scripts/mailSink.ts';
import { submitWorkPlanUpdate, unitStatusQuery, unitWorkflowId } from '../../workflows/shared/messages.ts';
import { eventually } from '../support/eventually.ts';
import { sampleWorkPlan } from '../support/samples.ts';
import { bundleWorkflows } from '../support/temporal.ts';
import { startTestCampaign } from '../support/testCampaign.ts';
import { runWlx } from '../support/wlx.ts';
import { addOperator, Browser, webHarness } from '../web/support.ts';
import { type FaultStack, faultStack } from './faults/faultStack.ts';
import { sleep } from './faults/processes.ts';

const year = new Date().getUTCFullYear() + 3;
// Long enough that nothing else reaches the unit (the matching feedback, 14 days on) within the 10 s that a
// task waits on a dead worker's sticky queue.
const yearMs = 200_000;
let stack: FaultStack;
let bundleCode: string;

beforeAll(async () => {
  bundleCode = (await bundleWorkflows()).code;
  stack = await faultStack({ name: 'stuck', cli: inject('temporalCliPath'), bundleCode, workers: 1 });
});

afterAll(async () => {
  await stack?.close();
});

describe('a unit whose history stops replaying', { timeout: 400_000 }, () => {
  it('is shown as stuck, and `wlx unit recover` brings it back with its plan', async () => {
    const { client, workers } = stack;
    const worker = workers[0] as FaultStack['workers'][number];
    const { handle: campaign, schedule } = await startTestCampaign(client, {
      year,
      unitCodes: ['3702'],
      compressed: { from: Date.now() + 1000, ms: yearMs },
    });
    const unit = client.workflow.getHandle(unitWorkflowId(year, '3702'));
    // The plan's 督办 step, 7 days after May 25: a timer that fires with nobody submitting.
    const tick = toReal(schedule.mapping, offsetFromDeadline(schedule.deadlines.plan, 7));
    const at = (ms: number) => sleep(tick + ms - Date.now());

    // After the 催办 step (4 days earlier, -3.7 s). The query reaches the fresh worker at +7.4 s (its 10 s on
    // the dead worker's sticky queue), the timer's task at +10 s: the order this needs, with room to spare.
    await at(-3000);
    await worker.kill('SIGKILL');
    await at(-2600);
    const read = unit.query(unitStatusQuery).catch(() => undefined);
    await at(-2200);
    await worker.start();
    await at(5000);
    await unit.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()], updateId: 'late-plan' });
    await read;

    // The history the live run wrote does not replay: the defect, as it stands in the SDK.
    const poisoned = await unit.fetchHistory();
    const unreplayable = await firstUnreplayableEvent(poisoned, { code: bundleCode });
    expect(unreplayable?.message).toMatch(/Nondeterminism/);

    // A cold worker meets it at the next task: the campaign's matching feedback, a signal.
    await worker.kill('SIGKILL');
    await worker.start();
    const env = { ...process.env, TEMPORAL_ADDRESS: stack.address, WORKFLOW_BUNDLE: stack.bundlePath };
    const status = await eventually(
      async () => {
        const result = await runWlx(env, ['campaign', 'status', '--year', String(year), '--json']);
        return result.code === 3 ? result : undefined;
      },
      60_000,
      'campaign status to name the stuck unit (exit 3)',
    );
    const stuck = JSON.parse(status.stdout).stuck;
    expect(stuck).toEqual([
      expect.objectContaining({ workflowId: unitWorkflowId(year, '3702'), unitCode: '3702' }),
    ]);
    expect(stuck[0].attempts).toBeGreaterThanOrEqual(2);
    const text = await runWlx(env, ['campaign', 'status', '--year', String(year)]);
    expect(text.stdout).toContain(`wlx unit recover --year ${year} --unit 3702`);
    // The operators hear of it by mail, once, Chinese first, with what recovers it.
    const told = await eventually(
      async () => {
        const notices = stack.sink.messages().filter((m) => m.headers.kind === 'workflow.stuck');
        return notices.length > 0 ? notices : undefined;
      },
      90_000,
      'the stuck notice to the operators',
    );
    expect(told).toHaveLength(1);
    expect(told[0]?.subject).toContain(`【${year}年知识产权服务万里行】流程停滞需处理：`);
    expect(told[0]?.text).toContain(`wlx unit recover --year ${year} --unit 3702`);
    // The dashboard leads with it, in red, linking the unit.
    const sink = await startMailSink({ port: 0 });
    const harness = await webHarness({ sink, client });
    try {
      await addOperator(harness.store, '王芳', 'operator', 'correct horse battery');
      const operator = await new Browser(harness.web).start();
      expect((await operator.signInWithPassword('王芳', 'correct horse battery')).status).toBe(200);
      const page = await (await operator.request('GET', `/campaigns/${year}`)).text();
      expect(page).toMatch(
        /class="card stuck" role="alert"[\s\S]*流程停滞[\s\S]*href="\/campaigns\/\d+\/units\/3702"/,
      );
    } finally {
      await harness.close();
      await sink.close();
    }

    const recovered = await runWlx(env, [
      'unit',
      'recover',
      '--year',
      String(year),
      '--unit',
      '3702',
      '--json',
      '--by',
      '王芳',
    ]);
    expect(recovered.stderr).toBe('');
    const recovery = JSON.parse(recovered.stdout);
    expect(recovery.unreplayable.eventId).toBe(unreplayable?.eventId);
    expect(recovery.newRunId).toMatch(/\S/);
    expect(recovery.resent).toEqual([{ name: 'submitWorkPlan', updateId: 'late-plan', outcome: 'applied' }]);

    // The new run moves on with the plan it was handed (the server applied the update again) and replays.
    // (The plan track closes when the demand list is in too: until then only the work plan leaves `missing`.)
    await eventually(
      async () => ((await unit.query(unitStatusQuery)).missing.includes('workPlan') ? undefined : true),
      30_000,
      'the recovered unit to hold its work plan',
    );
    await campaign.result();
    expect((await unit.result()).missing).not.toContain('workPlan');
    // Every run replays but the one the reset replaced, which stays as it was (terminated).
    const { failures } = await unreplayableRuns(
      client,
      { code: bundleCode },
      "ExecutionStatus != 'Terminated'",
    );
    expect(failures).toEqual([]);
    const after = await runWlx(env, ['campaign', 'status', '--year', String(year), '--json']);
    expect(after.code).toBe(0);
  });
});
