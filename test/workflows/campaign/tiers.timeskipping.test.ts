// A year in tiers, time-skipped: past `groupSize` reporting units the campaign runs one group workflow per
// province over its units. The same year run directly and in tiers gives the same national summary.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import type { Registry, Unit } from '../../../domain/registry.ts';
import {
  campaignStatusQuery,
  campaignWorkflowId,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitGroupWorkflowId,
  unitWorkflowId,
} from '../../../workflows/shared/messages.ts';
import type { NationalSummary } from '../../../workflows/shared/status.ts';
import type { unitWorkflow } from '../../../workflows/unit/unitWorkflow.ts';
import { recordHistories } from '../../support/recordHistories.ts';
import { sampleDemandList, sampleResults, sampleWorkPlan, sampleWritten } from '../../support/samples.ts';
import { type TimeSkippingStack, timeSkippingStack } from '../../support/temporal.ts';
import { nextYear, startTestCampaign } from '../../support/testCampaign.ts';

/** Beijing with two prefectures and a county under the second: four units in one chain of parents. */
function beijingInTiers(): Registry {
  const registry = defaultRegistry();
  const beijing = registry.units.find((u) => u.code === '11') as Unit;
  const below = (code: string, parent: string, kind: 'prefecture' | 'county'): Unit => ({
    ...beijing,
    code,
    nameZh: `北京${code}知识产权局`,
    nameEn: `Beijing ${kind} ${code}`,
    kind,
    contacts: {
      office: { name: '联络员', email: `office@u${code}.example` },
      leadership: { name: '分管领导', email: `leadership@u${code}.example` },
    },
    parent,
  });
  const { pairedResource: _, ...unpaired } = below('1101', '11', 'prefecture');
  return {
    ...registry,
    units: [
      ...registry.units,
      unpaired,
      below('1102', '11', 'prefecture'),
      below('110201', '1102', 'county'),
    ],
  };
}

const registry = beijingInTiers();
const codes = ['11', '12', '1101', '1102', '110201'];
/** Harbin, notified only and listed without a parent: in tiers the campaign mails it itself, no group. */
const notifiedOnly = '2301';
const flagged = sampleDemandList()
  .items.filter((item) => item.needsCnipaCoordination)
  .map((item) => item.id);

let stack: TimeSkippingStack;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  stack = await timeSkippingStack();
  ({ env } = stack);
});

afterAll(async () => {
  await stack?.stop();
});

/** Beijing, its prefectures 1101 and 1102 submit their plans in one hour of May 10 (all but Tianjin and the county). */
const inMay = ['11', '1101', '1102'];

/**
 * One year, the next on the server's clock (which skips on while no test holds it): Beijing and its
 * prefectures submit their plans on May 10, every unit but the county its summary on Nov 5.
 */
async function runYear(groupSize?: number): Promise<NationalSummary> {
  const year = await nextYear(env);
  const client = env.client.workflow;
  const unit = (code: string) => client.getHandle(unitWorkflowId(year, code));
  {
    const { handle: campaign } = await startTestCampaign(env.client, {
      year,
      registry,
      unitCodes: [...codes, notifiedOnly],
      groupSize,
    });
    await stack.skipTo(year, '05-10');
    for (const code of inMay) {
      await unit(code).executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit(code).executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
    }
    // A day on, every signal has landed: in tiers the facts pass through Beijing's group.
    await stack.skipTo(year, '05-11');
    const { units } = await campaign.query(campaignStatusQuery);
    expect(units.map((u) => [u.unitCode, u.flaggedDemandIds])).toEqual(
      codes.map((code) => [code, inMay.includes(code) ? flagged : []]),
    );
    await stack.skipTo(year, '11-05');
    for (const code of codes.filter((c) => c !== '110201'))
      await unit(code).executeUpdate(submitSummaryUpdate, {
        args: [{ written: sampleWritten(), results: sampleResults() }],
      });
    return campaign.result();
  }
}

/** The facts each signal to the campaign carried, in order: 1 for a unit's own, the batch's size for a group's. */
async function factSignals(workflowId: string): Promise<number[]> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const signal = e.workflowExecutionSignaledEventAttributes;
    if (!signal) return [];
    if (signal.signalName === 'unitChanged') return [1];
    const [batch] = (signal.input?.payloads ?? []).map((p) =>
      JSON.parse(Buffer.from(p.data ?? []).toString()),
    );
    return [(batch as unknown[]).length];
  });
}

async function childStarts(workflowId: string): Promise<{ type: string; id: string }[]> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const started = e.startChildWorkflowExecutionInitiatedEventAttributes;
    return started ? [{ type: started.workflowType?.name ?? '', id: started.workflowId ?? '' }] : [];
  });
}

describe('a year in tiers, time-skipped', () => {
  it('runs the units under one group per province, at most groupSize each, to the same summary', async () => {
    // One worker for both years: a worker shut down between them can leave the next year's first task
    // with a poll the time-skipping server still counts as live, and the year waits on it.
    const [direct, tiered] = await stack.runWorker(async () => [await runYear(), await runYear(3)]);
    expect(await childStarts(campaignWorkflowId(direct.year))).toHaveLength(codes.length);
    // Directly, Beijing and its prefectures tell the campaign twice each (flagged demands, all in) and
    // Tianjin once (all in): 7 signals. In tiers a group passes the first change at once and what comes
    // within the hour after in one batch: Beijing's group in May and on Nov 5, Tianjin's between.
    expect(await factSignals(campaignWorkflowId(direct.year))).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const year = tiered.year;
    await recordHistories(
      env.client,
      new Map([
        [campaignWorkflowId(year), 'tiers'],
        [unitGroupWorkflowId(year, '11'), 'tiers-group-11'],
        [unitWorkflowId(year, '1102'), 'tiers-1102'],
      ]),
    );

    const unitId = (code: string) => unitWorkflowId(year, code);
    const groupId = (key: string) => unitGroupWorkflowId(year, key);
    expect(await factSignals(campaignWorkflowId(year))).toEqual([1, 2, 1, 1, 2]);
    // Beijing's chain is 4 units, split in groups of 3 and 1; Tianjin is a group of its own.
    expect(await childStarts(campaignWorkflowId(year))).toEqual(
      ['11', '11-2', '12'].map((key) => ({ type: 'unitGroupWorkflow', id: groupId(key) })),
    );
    expect(await childStarts(groupId('11'))).toEqual(
      ['11', '1101', '1102'].map((code) => ({ type: 'unitWorkflow', id: unitId(code) })),
    );
    expect(await childStarts(groupId('11-2'))).toEqual([{ type: 'unitWorkflow', id: unitId('110201') }]);
    const county = await env.client.workflow.getHandle(unitId('110201')).describe();
    expect(county.parentExecution?.workflowId).toBe(groupId('11-2'));
    // The groups mailed their units' launch notices (the campaign Harbin's) and passed each unit its feedback.
    const launched = stack.sink
      .messages()
      .filter((m) => m.headers.kind === 'campaign.launched' && m.headers.key?.startsWith(`${year}/`));
    expect(launched.map((m) => m.headers.key).sort()).toEqual(
      [...codes, notifiedOnly].map((c) => `${year}/${c}/launch`).sort(),
    );
    for (const code of codes) {
      const report = await env.client.workflow.getHandle<typeof unitWorkflow>(unitId(code)).result();
      expect([code, report.feedbackReceived]).toEqual([code, true]);
    }

    // All but the county in by Nov 5, so both years wait for the close (the end of Nov 20) and compile the same.
    expect(direct.compiledOn).toBe(`${direct.year}-11-21`);
    expect(tiered).toEqual({ ...direct, year, compiledOn: `${year}-11-21` });
    expect(tiered.reportingUnits).toBe(codes.length);
    expect(tiered.summaries).toEqual({ onTime: 4, late: 0, missing: 1 });
    expect(tiered.notice.map((n) => [n.unitCode, n.track, n.outcome])).toEqual([
      ['12', 'plan', 'missing'],
      ['110201', 'plan', 'missing'],
      ['110201', 'summary', 'missing'],
    ]);
  });
});
