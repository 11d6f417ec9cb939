// A campaign that continues as new, time-skipped: with a short history limit the same year runs over several
// runs of the campaign, through the matching review, directly and in tiers. Each run takes up where the last
// left off: the units keep running, the review and its decisions carry over, every mail goes out once, and
// the national summary is the one a single run gives.
import type { WorkflowExecutionDescription } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeMatching } from '../../../client/operations/matchingReview.ts';
import type { campaignWorkflow } from '../../../workflows/campaign/campaignWorkflow.ts';
import {
  campaignStatusQuery,
  campaignWorkflowId,
  reviewMatchingUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitGroupWorkflowId,
  unitWorkflowId,
} from '../../../workflows/shared/messages.ts';
import type { NationalSummary } from '../../../workflows/shared/status.ts';
import { type Run, recordHistories } from '../../support/recordHistories.ts';
import { sampleDemandList, sampleResults, sampleWorkPlan, sampleWritten } from '../../support/samples.ts';
import { type TimeSkippingStack, timeSkippingStack } from '../../support/temporal.ts';
import { nextYear, startTestCampaign } from '../../support/testCampaign.ts';

const codes = ['11', '12', '13'];

/**
 * Two servers. Once a year has continued as new, this server's clock no longer skips: its first run keeps the
 * units it started as pending children after they complete. So a year that continues as new is the last of
 * its server.
 */
let stacks: TimeSkippingStack[] = [];

beforeAll(async () => {
  stacks = await Promise.all([timeSkippingStack(), timeSkippingStack()]);
});

afterAll(async () => {
  await Promise.all(stacks.map((stack) => stack.stop()));
});

interface Year {
  summary: NationalSummary;
  /** The campaign's runs, first to last. */
  runs: string[];
  /** How many times each mail key went out. */
  sent: Map<string, number>;
}

/** The run ids of a workflow, following each continue-as-new from the first run. */
async function runsOf(stack: TimeSkippingStack, workflowId: string, firstRunId: string): Promise<string[]> {
  const runs = [firstRunId];
  for (;;) {
    const history = await stack.env.client.workflow.getHandle(workflowId, runs.at(-1)).fetchHistory();
    const next = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    if (!next) return runs;
    runs.push(next);
  }
}

/**
 * One year, the next on the server's clock: every unit submits a plan and flagged demands on May 10; the
 * operators review the system's proposal, propose again, override one demand and confirm; every unit sends its
 * summary on Nov 5. With `historyEventLimit` the campaign continues as new whenever its history passes it.
 */
async function runYear(
  stack: TimeSkippingStack,
  options: { historyEventLimit?: number; groupSize?: number },
): Promise<Year> {
  const { env, sink } = stack;
  const year = await nextYear(env);
  const client = env.client.workflow;
  const unit = (code: string) => client.getHandle(unitWorkflowId(year, code));
  const { handle: campaign } = await startTestCampaign(env.client, {
    year,
    unitCodes: codes,
    withCatalogue: true,
    ...options,
  });
  // Each step below goes to the campaign's current run, by id.
  const current = client.getHandle<typeof campaignWorkflow>(campaignWorkflowId(year));
  await stack.skipTo(year, '05-10');
  for (const code of codes) {
    await unit(code).executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
    await unit(code).executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
  }
  await stack.skipTo(year, '05-21');
  const proposed = (await current.query(campaignStatusQuery)).reviewDigest;
  expect(proposed?.proposed.by).toBe('system');
  await current.executeUpdate(reviewMatchingUpdate, { args: [{ action: 'accept', by: '张伟' }] });
  await stack.skipTo(year, '05-28');
  // Proposing again keeps the accepted decisions, and its notice has a key of its own.
  const again = await proposeMatching(env.client, year, '李娜');
  expect(again.decisions.every((d) => d.status === 'accepted')).toBe(true);
  const first = again.decisions[0];
  const other = first?.alternates[0] as string;
  expect(other).toBeDefined();
  await current.executeUpdate(reviewMatchingUpdate, {
    args: [
      {
        action: 'override',
        by: '李娜',
        unitCode: first?.unitCode as string,
        demandId: first?.demandId as string,
        resourceId: other,
      },
    ],
  });
  await stack.skipTo(year, '06-05');
  await current.executeUpdate(reviewMatchingUpdate, { args: [{ action: 'confirm', by: '张伟' }] });
  await stack.skipTo(year, '11-05');
  for (const code of codes)
    await unit(code).executeUpdate(submitSummaryUpdate, {
      args: [{ written: sampleWritten(), results: sampleResults() }],
    });
  const summary = await current.result();
  const sent = new Map<string, number>();
  for (const m of sink.messages())
    if (m.headers.key?.startsWith(`${year}/`)) sent.set(m.headers.key, (sent.get(m.headers.key) ?? 0) + 1);
  return { summary, runs: await runsOf(stack, campaignWorkflowId(year), campaign.firstExecutionRunId), sent };
}

/** The mail keys of a year, its year taken out (the year's own dates are in some). */
const keysOf = ({ summary, sent }: Year) =>
  [...sent.keys()].map((key) => key.replaceAll(String(summary.year), 'YYYY')).sort();

describe('a campaign that continues as new, time-skipped', () => {
  it('carries the units, the review and the mail ledger over its runs, directly and in tiers', async () => {
    const [one, other] = stacks as [TimeSkippingStack, TimeSkippingStack];
    const [[single, direct], tiered] = await Promise.all([
      one.runWorker(
        async (): Promise<[Year, Year]> => [
          await runYear(one, {}),
          await runYear(one, { historyEventLimit: 40 }),
        ],
      ),
      other.runWorker(() => runYear(other, { historyEventLimit: 40, groupSize: 2 })),
    ]);
    expect(single.runs).toHaveLength(1);
    // A run continues at each wait past 40 events: after the May submissions, the review, the feedback.
    expect(direct.runs.length).toBeGreaterThanOrEqual(3);
    expect(tiered.runs.length).toBeGreaterThanOrEqual(2);

    for (const [stack, year] of [
      [one, direct],
      [other, tiered],
    ] as const) {
      const { summary } = year;
      expect(summary).toEqual({ ...single.summary, year: summary.year, compiledOn: `${summary.year}-11-05` });
      // Every notice once, the second proposal's included: the same mail as the single run's.
      expect(keysOf(year)).toEqual(keysOf(single));
      expect([...year.sent.values()].every((n) => n === 1)).toBe(true);
      // The units outlived the runs that started them and finished with the year.
      for (const code of codes) {
        const unit: WorkflowExecutionDescription = await stack.env.client.workflow
          .getHandle(unitWorkflowId(summary.year, code))
          .describe();
        expect([code, unit.status.name]).toEqual([code, 'COMPLETED']);
      }
    }
    expect(single.summary.compiledOn).toBe(`${single.summary.year}-11-05`);
    expect(keysOf(single)).toEqual(
      expect.arrayContaining([
        'YYYY/cnipa/matching/proposal-1',
        'YYYY/cnipa/matching/proposal-2',
        'YYYY/11/matching/feedback',
      ]),
    );
    expect(single.summary.matches).toBeGreaterThan(0);
    const [firstRun, secondRun] = direct.runs as [string, string];
    const run = (runId: string) => ({ workflowId: campaignWorkflowId(direct.summary.year), runId });
    await recordHistories(
      one.env.client,
      new Map<Run, string>([
        [run(firstRun), 'continues-first-run'],
        [run(secondRun), 'continues-second-run'],
        [run(direct.runs.at(-1) as string), 'continues-last-run'],
        [unitWorkflowId(direct.summary.year, '11'), 'continues-unit-11'],
      ]),
    );
    await recordHistories(
      other.env.client,
      new Map([
        [campaignWorkflowId(tiered.summary.year), 'continues-tiers-last-run'],
        [unitGroupWorkflowId(tiered.summary.year, '11'), 'continues-tiers-group-11'],
      ]),
    );
    const group = await other.env.client.workflow
      .getHandle(unitGroupWorkflowId(tiered.summary.year, '11'))
      .describe();
    expect(group.status.name).toBe('COMPLETED');
  });
});
