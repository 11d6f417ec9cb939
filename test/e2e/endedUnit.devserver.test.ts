// A unit's workflow terminated by hand in a year run in tiers, on the real dev server: its group goes on and
// the year closes. (The time-skipping server never tells a group that its child was terminated, so this case
// runs here; the campaign's own signals are covered in test/workflows/campaign/endedUnit.timeskipping.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  recordActivityUpdate,
  submitWorkPlanUpdate,
  unitGroupWorkflowId,
  unitWorkflowId,
} from '../../workflows/shared/messages.ts';
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack } from '../support/localCampaign.ts';
import { sampleActivity, sampleWorkPlan } from '../support/samples.ts';
import { startTestCampaign } from '../support/testCampaign.ts';

const year = new Date().getUTCFullYear() + 9;
const codes = ['11', '12'];
let stack: LocalStack;

beforeAll(async () => {
  stack = await localStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a unit workflow ended by hand, in tiers', () => {
  it('does not hold up its group or end the year', async () => {
    const client = stack.client.workflow;
    // A 45-second year, one unit a group.
    const { handle: campaign } = await startTestCampaign(stack.client, {
      year,
      unitCodes: codes,
      compressed: { from: Date.now(), ms: 45_000 },
      groupSize: 1,
    });
    const unit = (code: string) => client.getHandle(unitWorkflowId(year, code));
    await eventually(
      async () => (await Promise.all(codes.map((code) => unit(code).describe()))).length,
      30_000,
      'the units to start',
    );
    for (const code of codes) {
      await unit(code).executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit(code).executeUpdate(recordActivityUpdate, { args: [sampleActivity()] });
    }
    await unit('12').terminate('试验：手工终止 / terminated by hand');

    const summary = await campaign.result();
    expect(summary?.reportingUnits).toBe(2);
    expect(summary?.totals.activitiesRecorded).toBe(2);
    expect((await client.getHandle(unitGroupWorkflowId(year, '12')).describe()).status.name).toBe(
      'COMPLETED',
    );
    const keys = stack.sink.messages().map((m) => m.headers.key);
    expect(keys).toContain(`${year}/11/matching/feedback`);
    expect(keys).not.toContain(`${year}/12/matching/feedback`);
  }, 120_000);
});
