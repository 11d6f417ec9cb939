// "Remind all" as an operator uses it: from the campaign's status, which may be a moment old.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindUnits } from '../../client/operations/remindUnits.ts';
import {
  submitDemandListUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../../workflows/shared/messages.ts';
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { sampleDemandList, sampleWorkPlan } from '../support/samples.ts';

let stack: LocalStack;
const year = new Date().getUTCFullYear() + 3;

beforeAll(async () => {
  stack = await localStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('wlx operator remind', () => {
  it('reminds every unit that is due, even when one has just submitted and refuses', async () => {
    const { client, sink } = stack;
    const seen = await startSurveyingCampaign(client, year, ['11', '12', '13']);
    expect(seen.units.map((u) => [u.unitCode, u.due])).toEqual([
      ['11', 'plan'],
      ['12', 'plan'],
      ['13', 'plan'],
    ]);

    // Beijing submits between the operator's look at the campaign and the click on "remind all".
    const beijing = client.workflow.getHandle(unitWorkflowId(year, '11'));
    await beijing.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
    await beijing.executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });

    const outcomes = await remindUnits(client, year, seen.units);
    expect(outcomes.map((o) => [o.unitCode, o.outcome])).toEqual([
      ['11', 'notDue'],
      ['12', 'reminded'],
      ['13', 'reminded'],
    ]);
    expect(outcomes[0]).toMatchObject({ reason: expect.stringContaining('nothing is due from unit 11') });
    expect(outcomes[1]).toMatchObject({ missing: ['workPlan', 'demandList'] });

    const reminders = await eventually(
      async () => {
        const keys = sink
          .messages()
          .map((m) => m.headers.key ?? '')
          .filter((key) => key.includes('/plan/operator-reminder-'));
        return keys.length >= 2 ? keys : undefined;
      },
      30_000,
      'the operator reminders in the sink',
    );
    expect(reminders.map((key) => key.split('/')[1]).sort()).toEqual(['12', '13']);
  });

  it('reports a unit whose workflow is gone as failed, and still reminds the rest', async () => {
    const { client } = stack;
    const seen = await startSurveyingCampaign(client, year + 1, ['31', '32']);
    const ghost = { ...seen.units[0], unitCode: '99', nameZh: '不存在的单位' } as (typeof seen.units)[number];
    const outcomes = await remindUnits(client, year + 1, [ghost, ...seen.units]);
    expect(outcomes.map((o) => [o.unitCode, o.outcome])).toEqual([
      ['99', 'failed'],
      ['31', 'reminded'],
      ['32', 'reminded'],
    ]);
  });
});
