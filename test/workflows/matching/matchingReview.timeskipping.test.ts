// Matching as CNIPA runs it, end to end on the time-skipping server with a real SMTP sink: units flag
// demands, the campaign proposes at the start of matching and tells the operators, an operator accepts,
// overrides one and confirms, and the feedback mail says exactly what was confirmed, to units and resources.

import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatchingActivities } from '../../../activities/matching.ts';
import {
  currentReview,
  matchesToSend,
  proposeMatching,
  reviewMatching,
} from '../../../client/operations/matchingReview.ts';
import { defaultCatalogue } from '../../../domain/defaultCatalogue.ts';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import type { DemandItem } from '../../../domain/submissions.ts';
import { documentConfig, openDocumentStore } from '../../../infra/documents/config.ts';
import {
  campaignStatusQuery,
  campaignWorkflowId,
  reviewMatchingUpdate,
  submitDemandListUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../../../workflows/shared/messages.ts';
import { historyText } from '../../support/historyText.ts';
import { recordHistories } from '../../support/recordHistories.ts';
import { sampleDemandList, sampleWorkPlan } from '../../support/samples.ts';
import { type TimeSkippingStack, timeSkippingStack } from '../../support/temporal.ts';
import { nextYear, startTestCampaign } from '../../support/testCampaign.ts';

const registry = defaultRegistry();
const catalogue = defaultCatalogue(registry);
const resourceById = new Map(catalogue.resources.map((r) => [r.id, r]));

let stack: TimeSkippingStack;

beforeAll(async () => {
  stack = await timeSkippingStack();
});

afterAll(async () => {
  await stack?.stop();
});

/** Two flagged demands a unit might send: patent navigation and training, plus one it handles itself. */
function demandsOf(code: string): DemandItem[] {
  const [flagged, own] = sampleDemandList().items as [DemandItem, DemandItem];
  return [
    { ...flagged, id: `${code}-NAV` },
    {
      ...flagged,
      id: `${code}-TRN`,
      serviceCategory: 'training',
      keyTask: 1,
      description: '面向中小企业开展专利申请与布局实务培训',
    },
    { ...own, id: `${code}-OWN` },
  ];
}

describe('matching review, time-skipped', () => {
  it('proposes, takes an override, and sends exactly the confirmed matches', async () => {
    const { env, sink } = stack;
    const year = await nextYear(env);
    const codes = ['11', '12', '13'];
    const client = env.client.workflow;
    const skipTo = (monthDay: string) => stack.skipTo(year, monthDay);

    await stack.runWorker(async () => {
      const { handle: campaign } = await startTestCampaign(env.client, {
        year,
        unitCodes: codes,
        withCatalogue: true,
      });
      await skipTo('05-10');
      for (const code of codes) {
        const unit = client.getHandle(unitWorkflowId(year, code));
        await unit.executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
        await unit.executeUpdate(submitDemandListUpdate, { args: [{ items: demandsOf(code) }] });
      }

      await skipTo('05-21');
      const proposed = await currentReview(env.client, year);
      expect(proposed?.proposed.by).toBe('system');
      expect(proposed?.decisions.map((d) => `${d.unitCode}/${d.demandId}`)).toEqual(
        codes.flatMap((c) => [`${c}/${c}-NAV`, `${c}/${c}-TRN`]),
      );
      const ready = sink.messages().filter((m) => m.headers.kind === 'matching.proposalReady');
      expect(ready.map((m) => m.to)).toEqual([[registry.promotionDepartment.email]]);
      expect(ready[0]?.text).toContain('需国家局协调的需求 6 项');

      // A resource barred from Beijing by a conflict of interest is refused, naming the field.
      const refused = await reviewMatching(env.client, year, {
        action: 'override',
        by: '张伟',
        unitCode: '11',
        demandId: '11-NAV',
        resourceId: 'ctex',
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((refused as WorkflowUpdateFailedError).cause?.message)).toMatch(
        /resourceId: .*\(ctex\) may not serve unit 11: a conflict of interest/,
      );

      await campaign.executeUpdate(reviewMatchingUpdate, { args: [{ action: 'accept', by: '张伟' }] });
      const tianjin = proposed?.decisions.find((d) => d.demandId === '12-TRN');
      const other = tianjin?.alternates[0] as string;
      expect(other).toBeDefined();
      await campaign.executeUpdate(reviewMatchingUpdate, {
        args: [
          {
            action: 'override',
            by: '李娜',
            unitCode: '12',
            demandId: '12-TRN',
            resourceId: other,
            note: '就近服务',
          },
        ],
      });
      await campaign.executeUpdate(reviewMatchingUpdate, {
        args: [
          { action: 'reject', by: '李娜', unitCode: '13', demandId: '13-NAV', reason: '需求不明确，请补充' },
        ],
      });
      // The one-to-one pairing: accept the proposal, but give Tianjin another CNIPA partner.
      const partner = catalogue.resources.find(
        (r) => r.cnipaUnit && !proposed?.pairings.some((p) => p.resourceId === r.id),
      )?.id as string;
      expect(proposed?.pairings.map((p) => p.unitCode)).toEqual(codes);
      await campaign.executeUpdate(reviewMatchingUpdate, {
        args: [{ action: 'acceptPairings', by: '张伟' }],
      });
      await campaign.executeUpdate(reviewMatchingUpdate, {
        args: [{ action: 'overridePairing', by: '李娜', unitCode: '12', resourceId: partner }],
      });
      const confirmed = await reviewMatching(env.client, year, { action: 'confirm', by: '张伟' });
      expect(confirmed.confirmed?.by).toBe('张伟');
      const overridden = confirmed.decisions.find((d) => d.demandId === '12-TRN');
      expect(overridden).toMatchObject({ status: 'overridden', resourceId: other, decided: { by: '李娜' } });

      // The campaign holds the review's digest; the decisions, reasons and alternates are in the store.
      const held = await campaign.query(campaignStatusQuery);
      expect(held.matchingReview).toBeNull();
      expect(held.reviewDigest).toMatchObject({
        counts: { proposed: 0, accepted: 4, overridden: 1, rejected: 1 },
        pairings: 3,
        confirmed: { by: '张伟' },
      });
      const campaignHistory = await historyText(env.client, campaignWorkflowId(year));
      for (const decision of confirmed.decisions) expect(campaignHistory).not.toContain(decision.reason.zh);
      const stored = await openDocumentStore(documentConfig()).get(held.reviewDigest?.document.sha256 ?? '');
      expect(stored.length).toBe(held.reviewDigest?.document.sizeBytes);

      const sent = confirmed.decisions.filter((d) => d.resourceId !== null);
      const sentKeys = sent.map((d) => `${d.unitCode}/${d.demandId}>${d.resourceId}`).sort();
      // Read right after the confirmation, before matching closes: the exports already see the confirmed matches.
      expect(
        (await matchesToSend(held)).matches.map((m) => `${m.unitCode}/${m.demandId}>${m.resourceId}`).sort(),
      ).toEqual(sentKeys);

      await skipTo('06-16');
      const status = await campaign.query(campaignStatusQuery);
      expect(status.matches.matches.map((m) => `${m.unitCode}/${m.demandId}>${m.resourceId}`).sort()).toEqual(
        sent.map((d) => `${d.unitCode}/${d.demandId}>${d.resourceId}`).sort(),
      );

      for (const code of codes) {
        const mail = sink.messages().find((m) => m.headers.key === `${year}/${code}/matching/feedback`);
        const lines = (mail?.text ?? '').split('\n').filter((l) => l.startsWith('- 需求'));
        const expected = sent.filter((d) => d.unitCode === code);
        expect(lines, `unit ${code}`).toHaveLength(expected.length);
        for (const d of expected) {
          const resource = resourceById.get(d.resourceId as string);
          const line = lines.find((l) => l.includes(`需求 ${d.demandId} `));
          expect(line, `${d.demandId}`).toContain(resource?.nameZh);
          expect(line).toContain(resource?.contacts[0]?.email);
        }
      }
      expect(
        sink.messages().find((m) => m.headers.key === `${year}/13/matching/feedback`)?.text,
      ).not.toContain('13-NAV');

      const tianjin12 = sink.messages().find((m) => m.headers.key === `${year}/12/matching/feedback`)?.text;
      expect(tianjin12).toContain(`一对一对口单位：${resourceById.get(partner)?.nameZh}`);
      expect(status.matches.pairings).toContainEqual({ unitCode: '12', resourceId: partner });

      const resourceMail = sink
        .messages()
        .find((m) => m.headers.key === `${year}/resource-${other}/matching/feedback`);
      expect(resourceMail?.to).toEqual(resourceById.get(other)?.contacts.map((c) => c.email));
      expect(resourceMail?.text).toContain('12-TRN');
      // The demand is named by its row, read from the unit: the campaign itself holds only ids.
      expect(resourceMail?.text).toContain('面向中小企业开展专利申请与布局实务培训');
      const tianjinProgress = status.units.find((u) => u.unitCode === '12');
      expect(tianjinProgress?.flaggedDemandIds).toEqual(['12-NAV', '12-TRN']);
      expect(tianjinProgress).not.toHaveProperty('flaggedDemands');
      expect(resourceMail?.text).toContain(
        registry.units.find((u) => u.code === '12')?.contacts.office.email,
      );

      const late = await campaign
        .executeUpdate(reviewMatchingUpdate, { args: [{ action: 'confirm', by: '张伟' }] })
        .catch((e: unknown) => e);
      expect(String((late as WorkflowUpdateFailedError).cause?.message)).toContain(
        `matching for ${year} is over`,
      );
      await recordHistories(
        env.client,
        new Map(
          [campaignWorkflowId(year), ...codes.map((c) => unitWorkflowId(year, c))].map((id) => [
            id,
            id.replace(`wanlixing-${year}`, 'matching'),
          ]),
        ),
      );
      await stack.endYear(year, codes);
    });
  });
  it('keeps the year running when the proposal at the start of matching fails, and proposes on request', async () => {
    const { env } = stack;
    const year = await nextYear(env);
    const codes = ['11', '12'];
    const client = env.client.workflow;
    const { handle: campaign } = await startTestCampaign(env.client, {
      year,
      unitCodes: codes,
      withCatalogue: true,
    });
    // Down when the campaign proposes at the start of matching, back by the time an operator asks.
    const real = createMatchingActivities(openDocumentStore(documentConfig()));
    let calls = 0;
    const optimiserDownOnce: typeof real.proposeReview = async (input) => {
      calls += 1;
      if (calls === 1) throw ApplicationFailure.nonRetryable('the optimiser is down', 'OptimiserDown');
      return real.proposeReview(input);
    };
    // The first operator action takes a while, so the others wait for their turn together: the case where
    // the campaign once let two waiting actions through at once and one of them was lost.
    let actions = 0;
    const firstActionSlow: typeof real.reviewAction = async (input) => {
      actions += 1;
      if (actions === 1) await new Promise((resolve) => setTimeout(resolve, 1500));
      return real.reviewAction(input);
    };
    await stack.runWorker(
      async () => {
        await stack.skipTo(year, '05-10');
        for (const code of codes) {
          await client
            .getHandle(unitWorkflowId(year, code))
            .executeUpdate(submitDemandListUpdate, { args: [{ items: demandsOf(code) }] });
        }
        await stack.skipTo(year, '05-21');
        const after = await campaign.query(campaignStatusQuery);
        expect(calls).toBe(1);
        expect(after.phase).toBe('matching');
        expect(after.matchingReview).toBeNull();
        expect(after.reviewDigest).toBeNull();
        expect((await campaign.describe()).status.name).toBe('RUNNING');

        const review = await proposeMatching(env.client, year, '张伟');
        expect(review.proposed.by).toBe('张伟');
        expect(review.decisions.map((d) => d.demandId)).toEqual(['11-NAV', '11-TRN', '12-NAV', '12-TRN']);

        // Three operators at once: the stored review takes their actions in turn, and all three stand.
        const rejectOf = (demandId: string, by: string) =>
          reviewMatching(env.client, year, {
            action: 'reject',
            by,
            unitCode: demandId.slice(0, 2),
            demandId,
            reason: '需求不明确，请补充',
          });
        await Promise.all([
          rejectOf('11-NAV', '张伟'),
          rejectOf('12-NAV', '李娜'),
          rejectOf('12-TRN', '王芳'),
        ]);
        expect(actions).toBe(3);
        const all = await currentReview(env.client, year);
        expect(
          all?.decisions.filter((d) => d.status === 'rejected').map((d) => [d.demandId, d.decided?.by]),
        ).toEqual([
          ['11-NAV', '张伟'],
          ['12-NAV', '李娜'],
          ['12-TRN', '王芳'],
        ]);
      },
      { proposeReview: optimiserDownOnce, reviewAction: firstActionSlow },
    );
    await stack.endYear(year, codes);
  });
});
