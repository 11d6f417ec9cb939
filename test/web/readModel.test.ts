// The pages' read model against a real dev server, with the web keeping its reads as production does (about
// a second fresh, two at most): an operator's own write is on the next page at once; a write behind the
// web's back (wlx, another replica) and a deadline's timer show within the bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendarConfig, resolveCalendar } from '../../domain/calendar.ts';
import { campaignStatus } from '../../reads/campaignStatus.ts';
import { pageSnapshotTimes } from '../../reads/snapshots.ts';
import {
  submitDemandListUpdate,
  submitWorkPlanUpdate,
  unitStatusQuery,
  unitWorkflowId,
} from '../../workflows/shared/messages.ts';
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack } from '../support/localCampaign.ts';
import { sampleDemandList, sampleWorkPlan } from '../support/samples.ts';
import { startTestCampaign } from '../support/testCampaign.ts';
import { addOperator, Browser, type WebHarness, webHarness } from './support.ts';

const year = new Date().getUTCFullYear() + 7;
const dayMs = 86_400_000;
/** A nominal day every two seconds; the plan deadline this long after the campaign starts. */
const scale = 2_000 / dayMs;
const deadlineInMs = 45_000;
const { maxAgeMs } = pageSnapshotTimes;
/** A page's own read (the campaign and its units) on a loaded two-core machine, on top of the bound. */
const readMs = 1_500;

let stack: LocalStack;
let harness: WebHarness;
let operator: Browser;
const page = async (path: string) => (await operator.request('GET', path)).text();

beforeAll(async () => {
  stack = await localStack();
  const calendar = resolveCalendar(defaultCalendarConfig, year);
  const launch = calendar.phases.launch.start;
  const from = Date.now() + deadlineInMs - (calendar.deadlines.plan - launch) * scale;
  await startTestCampaign(stack.client, {
    year,
    unitCodes: ['11', '12'],
    compressed: { from, ms: (calendar.closeAt - launch) * scale },
  });
  await eventually(
    async () => (await campaignStatus(stack.client, year)).units.length === 2 || undefined,
    30_000,
    'both units reporting',
  );
  const beijing = stack.client.workflow.getHandle(unitWorkflowId(year, '11'));
  await beijing.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
  await beijing.executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
  harness = await webHarness({ sink: stack.sink, client: stack.client, readTimes: pageSnapshotTimes });
  harness.clock.now = Date.now();
  await addOperator(harness.store, 'operator-read', 'operator', 'operator password 1');
  operator = await new Browser(harness.web).start();
  expect((await operator.signInWithPassword('operator-read', 'operator password 1')).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await harness?.close();
  await stack?.stop();
});

describe("the pages' read model", () => {
  it("shows an operator's return on the next page at once, and says when the page was read", async () => {
    const unitPage = `/campaigns/${year}/units/11`;
    const before = await page(unitPage);
    expect(before).not.toContain('Returned for revision');
    expect(before).toMatch(/截至 \d\d:\d\d:\d\d/);
    const returned = await operator.request('POST', `/api/campaigns/${year}/units/11/return`, {
      what: 'workPlan',
      reason: '请补充活动安排',
    });
    expect(returned.status).toBe(200);
    const after = await page(unitPage);
    expect(after).toContain('Returned for revision');
    expect(after).toContain('请补充活动安排');
  });

  it("gives each reader of a kept page their own CSRF token in its forms, never the first reader's", async () => {
    const other = await new Browser(harness.web).start();
    expect((await other.signInWithPassword('operator-read', 'operator password 1')).status).toBe(200);
    const tokenOf = (b: Browser) => [...b.cookies].find(([name]) => name.endsWith('wlx_csrf'))?.[1];
    for (const path of [`/campaigns/${year}`, `/campaigns/${year}/units/12`, `/campaigns/${year}/matching`]) {
      const [mine, theirs] = [await page(path), await (await other.request('GET', path)).text()];
      const fields = (text: string) => [...text.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
      expect(fields(mine).length).toBeGreaterThan(0);
      expect(new Set(fields(mine))).toEqual(new Set([tokenOf(operator)]));
      expect(new Set(fields(theirs))).toEqual(new Set([tokenOf(other)]));
    }
  });

  it("shows a write made behind the web's back within the bound, not before its snapshot ages", async () => {
    const unitPage = `/campaigns/${year}/units/11`;
    expect(await page(unitPage)).toContain('Returned for revision');
    const beijing = stack.client.workflow.getHandle(unitWorkflowId(year, '11'));
    await beijing.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
    const wrote = Date.now();
    // Read a moment ago, and kept: the page does not ask Temporal again.
    expect(await page(unitPage)).toContain('Returned for revision');
    await eventually(
      async () => !(await page(unitPage)).includes('Returned for revision') || undefined,
      maxAgeMs + readMs,
      'the resubmitted plan on the page',
    );
    expect(Date.now() - wrote).toBeLessThan(maxAgeMs + readMs);
  });

  it("shows a deadline's timer on the dashboard and the unit page within the bound", async () => {
    const urging = async () =>
      (await stack.client.workflow.getHandle(unitWorkflowId(year, '12')).query(unitStatusQuery))
        .escalationLevel === 'urging';
    const onDashboard = async () =>
      (await page(`/campaigns/${year}`)).includes(`class="tile s-urging" href="/campaigns/${year}/units/12"`);
    const onUnitPage = async () => (await page(`/campaigns/${year}/units/12`)).includes('badge s-urging');
    expect([await onDashboard(), await onUnitPage()]).toEqual([false, false]);
    // The ladder's 催办 step, three nominal days after the deadline, fired by the unit's timer.
    await eventually(
      async () => (await urging()) || undefined,
      deadlineInMs + 30_000,
      '催办 in the workflow',
    );
    const fired = Date.now();
    await eventually(
      async () => (await onDashboard()) || undefined,
      maxAgeMs + readMs,
      '催办 on the dashboard',
    );
    await eventually(
      async () => (await onUnitPage()) || undefined,
      maxAgeMs + readMs,
      '催办 on the unit page',
    );
    expect(Date.now() - fired).toBeLessThan(2 * (maxAgeMs + readMs));
  }, 90_000);
});
