// A unit's workflow terminated by hand (from the Temporal UI, say) in the middle of the year: the campaign
// goes on. Before 'units-ended-outside' the matching feedback's signal to it failed the whole campaign
// ("Unable to signal external workflow because it was not found"); now the year closes, the others hear their
// feedback, and the national summary counts the ended unit where it stood.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignWorkflowId,
  recordActivityUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../../../workflows/shared/messages.ts';
import { recordHistories } from '../../support/recordHistories.ts';
import {
  sampleActivity,
  sampleDemandList,
  sampleResults,
  sampleWorkPlan,
  sampleWritten,
} from '../../support/samples.ts';
import { type TimeSkippingStack, timeSkippingStack } from '../../support/temporal.ts';
import { nextYear, startTestCampaign } from '../../support/testCampaign.ts';

let stack: TimeSkippingStack;

beforeAll(async () => {
  stack = await timeSkippingStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('a unit workflow ended by hand', () => {
  it('does not end the year: the others hear their feedback, and the summary counts it where it stood', async () => {
    const { env, sink } = stack;
    const year = await nextYear(env);
    const client = env.client.workflow;
    const unit = (code: string) => client.getHandle(unitWorkflowId(year, code));
    const codes = ['11', '12'];

    const summary = await stack.runWorker(async () => {
      const { handle: campaign } = await startTestCampaign(env.client, { year, unitCodes: codes });
      await stack.skipTo(year, '05-10');
      for (const code of codes) {
        await unit(code).executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
        await unit(code).executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
        await unit(code).executeUpdate(recordActivityUpdate, { args: [sampleActivity()] });
      }
      await unit('12').terminate('试验：手工终止 / terminated by hand');

      await stack.skipTo(year, '11-05');
      await unit('11').executeUpdate(submitSummaryUpdate, {
        args: [{ written: sampleWritten(), results: sampleResults() }],
      });
      const result = await campaign.result();
      await recordHistories(env.client, new Map([[campaignWorkflowId(year), 'ended-unit']]));
      return result;
    });

    expect(summary?.reportingUnits).toBe(2);
    // Tianjin's plan was in on time when it ended, and its activity counts; its summary never came.
    expect(summary?.plans).toEqual({ onTime: 2, late: 0, missing: 0 });
    expect(summary?.summaries).toEqual({ onTime: 1, late: 0, missing: 1 });
    expect(summary?.totals.activitiesRecorded).toBe(2);
    expect(summary?.flaggedDemands).toBe(2);
    const keys = sink.messages().map((m) => m.headers.key);
    expect(keys).toContain(`${year}/11/matching/feedback`);
    expect(keys).not.toContain(`${year}/12/matching/feedback`);
  });
});
