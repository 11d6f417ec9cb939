// Pairings across years on real campaigns: last year's recorded pairings are what this year's proposal
// keeps (before the registry's), and the history shows each unit's partners year by year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentReview, proposeMatching } from '../../client/operations/matchingReview.ts';
import { pairingHistory } from '../../client/operations/pairingHistory.ts';
import { campaignWorkflowId, recordMatchesUpdate } from '../../workflows/shared/messages.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';

const lastYear = new Date().getUTCFullYear() + 11;
const thisYear = lastYear + 1;
let stack: LocalStack;

beforeAll(async () => {
  stack = await localStack();
  await startSurveyingCampaign(stack.client, lastYear, ['11', '12'], { withCatalogue: true });
  await startSurveyingCampaign(stack.client, thisYear, ['11', '12'], { withCatalogue: true });
  // Last year Beijing had the Legal Department, not the registry's partner (po-beijing-center).
  await stack.client.workflow.getHandle(campaignWorkflowId(lastYear)).executeUpdate(recordMatchesUpdate, {
    args: [
      {
        matches: [],
        pairings: [
          { unitCode: '11', resourceId: 'cnipa-legal' },
          { unitCode: '12', resourceId: 'po-beijing-center' },
        ],
      },
    ],
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('one-to-one pairings across years', () => {
  it("shows last year's partners, and none yet this year", async () => {
    const history = await pairingHistory(stack.client, thisYear, 4);
    expect(history).toEqual({
      years: [lastYear, thisYear],
      units: [
        { unitCode: '11', partners: ['cnipa-legal', null], streak: 0 },
        { unitCode: '12', partners: ['po-beijing-center', null], streak: 0 },
      ],
    });
  });

  it("proposes last year's partner again, saying so, and counts the years in a row", async () => {
    await proposeMatching(stack.client, thisYear, 'operator-zhang');
    const review = await currentReview(stack.client, thisYear);
    expect(review?.pairings.find((p) => p.unitCode === '11')).toMatchObject({
      resourceId: 'cnipa-legal',
      previousResourceId: 'cnipa-legal',
      reason: { zh: '保留上一年度的对口关系' },
    });
    expect(review?.pairings.find((p) => p.unitCode === '12')).toMatchObject({
      resourceId: 'po-beijing-center',
    });
    const history = await pairingHistory(stack.client, thisYear, 2);
    expect(history.units).toEqual([
      { unitCode: '11', partners: ['cnipa-legal', 'cnipa-legal'], streak: 2 },
      { unitCode: '12', partners: ['po-beijing-center', 'po-beijing-center'], streak: 2 },
    ]);
  });
});
