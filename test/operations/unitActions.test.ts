// What wlx's commands (and soon the web) do, called in-process against a running campaign: a unit submits
// from its files, an operator returns the plan and extends a deadline, and the campaign's status and
// national export show it.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../client/operations/errors.ts';
import { grantExtension } from '../../client/operations/grantExtension.ts';
import { writeNationalOutput } from '../../client/operations/nationalOutputs.ts';
import { returnForRevision } from '../../client/operations/returnForRevision.ts';
import { loadSubmission, sendSubmission } from '../../client/operations/submit.ts';
import { unitStatus } from '../../client/operations/unitStatus.ts';
import { clientConfig } from '../../infra/temporal/connection.ts';
import { sdkReads } from '../../infra/temporal/reads.ts';
import { campaignStatus } from '../../reads/campaignStatus.ts';
import { eventually } from '../support/eventually.ts';
import { type LocalStack, localStack, startSurveyingCampaign } from '../support/localCampaign.ts';
import { loadWorkbook } from './spreadsheets/support.ts';

let stack: LocalStack;
const nextYear = new Date().getUTCFullYear() + 1;
const config = clientConfig({});

beforeAll(async () => {
  stack = await localStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

/** Loads a unit's file as `wlx submit` does and sends it. */
async function submit(year: number, kind: 'plan' | 'demands', unit: string, file: string) {
  const { payloads } = await loadSubmission(kind, { unit, file, dryRun: false });
  return sendSubmission(stack.client, kind, { year, unit }, payloads);
}

describe("a unit's year through the actions", () => {
  it('takes a plan and a demand list from their files, and returns the plan for revision', async () => {
    const { client } = stack;
    const year = nextYear + 1;
    await startSurveyingCampaign(client, year, ['11']);
    expect((await submit(year, 'plan', '11', 'examples/work-plan.json')).missing).toEqual(['demandList']);
    const complete = await submit(year, 'demands', '11', 'examples/demand-list.json');
    expect(complete).toMatchObject({ missing: [], flaggedDemands: [{ id: 'BJ-001' }] });

    const reason = '请补充专利导航活动的时间安排 (add the dates of the patent navigation events)';
    const returned = await returnForRevision(client, { year, unit: '11', what: 'workPlan', reason });
    expect(returned).toMatchObject({ returned: { what: 'workPlan', reason }, missing: ['workPlan'] });
    // Returned four weeks before May 25: the revision's 7 days would end in early May; the deadline stays.
    expect(returned.plan.deadline).toBe(`${year}-05-25`);

    const shown = await unitStatus(sdkReads(client), config, { year, unit: '11' });
    expect(shown.status.state).toContain('returnedForRevision');
    expect(shown.status.returned).toEqual({ what: 'workPlan', reason });
    expect(shown.link).toBe(`http://localhost:8233/namespaces/default/workflows/wanlixing-${year}-11`);
  });

  it('extends a deadline only to a later date, and the unit and the campaign show the new one', async () => {
    const { client } = stack;
    const year = nextYear + 2;
    await startSurveyingCampaign(client, year, ['11', '12']);
    const extended = await grantExtension(client, {
      year,
      unit: '12',
      track: 'plan',
      until: `${year}-06-10`,
    });
    expect(extended.plan.deadline).toBe(`${year}-06-10`);
    expect(extended.nextDeadline).toEqual({ track: 'plan', date: `${year}-06-10` });

    const earlier = await grantExtension(client, {
      year,
      unit: '12',
      track: 'plan',
      until: `${year}-06-01`,
    }).catch((error: unknown) => error);
    expect(describeError(earlier).exitCode).toBe(2);
    expect((await unitStatus(sdkReads(client), config, { year, unit: '12' })).status.plan.deadline).toBe(
      `${year}-06-10`,
    );

    const campaign = await eventually(
      async () => {
        const status = await campaignStatus(client, year);
        const tianjin = status.units.find((u) => u.unitCode === '12');
        return tianjin?.nextDeadline?.date === `${year}-06-10` ? status : undefined;
      },
      30_000,
      "the campaign to hear of 12's extension",
    );
    expect(campaign.totals).toMatchObject({ units: 2, overdue: 0, notSubmitted: ['11', '12'] });
  });

  it("exports the flagged demands units have submitted to the year's national workbook", async () => {
    const year = nextYear + 3;
    await startSurveyingCampaign(stack.client, year, ['11', '12']);
    await submit(year, 'demands', '11', 'examples/demand-list.json');
    await eventually(
      async () => (await campaignStatus(stack.client, year)).units.find((u) => u.flaggedDemandIds.length > 0),
      30_000,
      "the campaign to hear of 11's demand list",
    );
    const out = join(await mkdtemp(join(tmpdir(), 'wlx-export-')), 'demands.xlsx');
    const written = await writeNationalOutput(stack.client, 'demands', { year, out });
    const bytes = await readFile(out);
    expect(written).toEqual({ file: out, bytes: bytes.length });
    const cells: unknown[] = [];
    (await loadWorkbook(bytes)).eachSheet((sheet: ExcelJS.Worksheet) =>
      sheet.eachRow((row) => cells.push(...(row.values as unknown[]))),
    );
    expect(cells).toContain('BJ-001');
    expect(cells).not.toContain('BJ-002'); // not flagged for CNIPA coordination
  });
});
