// A campaign that continues as new on the real dev server (`npm start`): a compressed year of three units with
// a short history limit runs over several runs of the campaign, and a client that knows only the campaign's id
// reaches its last run, its status and its result, as `wlx` and the web do.
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import { campaignYears } from '../../client/operations/campaignYears.ts';
import type { ReceivedMail } from '../../infra/mail/mailbox.ts';
import { dataConverter } from '../../infra/temporal/payloadCodec.ts';
import type { CampaignOverview } from '../../reads/campaignStatus.ts';
import type { campaignWorkflow } from '../../workflows/campaign/campaignWorkflow.ts';
import { campaignWorkflowId, unitWorkflowId } from '../../workflows/shared/messages.ts';
import { campaignYearKey } from '../../workflows/shared/searchAttributes.ts';
import { type DevStack, devStack } from '../support/devStack.ts';
import { step } from '../support/step.ts';
import { startTestCampaign } from '../support/testCampaign.ts';

const year = new Date().getUTCFullYear() + 1;
const codes = ['11', '12', '13'];
let stack: DevStack | undefined;

afterAll(async () => {
  await stack?.stop();
});

describe('a campaign that continues as new, on the dev server', () => {
  it('runs its year over several runs, reached by its id alone', async () => {
    stack = await devStack();
    await stack.start();
    const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS as string });
    const client = new Client({ connection, dataConverter });
    try {
      const workflowId = campaignWorkflowId(year);
      const started = await step('start a 90-second year that continues as new past 30 events', () =>
        startTestCampaign(client, {
          year,
          unitCodes: codes,
          compressed: { from: Date.now(), ms: 90_000 },
          historyEventLimit: 30,
          typedSearchAttributes: [{ key: campaignYearKey, value: year }],
        }),
      );
      const first = started.handle;
      await step('each unit submits its plan, demands and summary with wlx', async () => {
        for (const code of codes)
          for (const [what, file] of [
            ['plan', 'work-plan.json'],
            ['demands', 'demand-list.json'],
            ['summary', 'summary.json'],
          ] as const) {
            const done = await stack?.wlx(
              'submit',
              what,
              '--year',
              String(year),
              '--unit',
              code,
              '--file',
              `examples/${file}`,
            );
            expect(done?.code, done?.stderr).toBe(0);
          }
      });

      const summary = await step('the result, asked by the id alone, is the last run’s', () =>
        client.workflow.getHandle<typeof campaignWorkflow>(workflowId).result(),
      );
      expect(summary).toMatchObject({
        year,
        reportingUnits: 3,
        summaries: { onTime: 3, late: 0, missing: 0 },
      });

      const runs: string[] = [];
      for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` }))
        runs.push(run.status.name);
      expect(runs.filter((status) => status === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(2);
      expect(runs.filter((status) => status === 'COMPLETED')).toHaveLength(1);
      expect(await client.workflow.getHandle(workflowId).describe()).toMatchObject({
        runId: expect.not.stringMatching(first.firstExecutionRunId),
      });
      // The units outlived the run that started them.
      for (const code of codes) {
        const unit = await client.workflow.getHandle(unitWorkflowId(year, code)).describe();
        expect([code, unit.status.name, unit.parentExecution?.runId]).toEqual([
          code,
          'COMPLETED',
          first.firstExecutionRunId,
        ]);
      }

      const overview = await stack.wlxJson<CampaignOverview>('campaign', 'status', '--year', String(year));
      expect(overview.phase).toBe('closed');
      expect(overview.summary).toEqual(summary);
      // The year is listed once, however many runs it took.
      expect((await campaignYears(client)).filter((y) => y.year === year)).toEqual([
        { year, running: false },
      ]);
      const mail = await stack.wlxJson<ReceivedMail[]>('mail', 'list', '--dir', join(stack.dataDir, 'mail'));
      const keys = mail.map((m) => m.headers.key ?? '').filter((key) => key.startsWith(`${year}/`));
      expect(keys.filter((key) => key.endsWith('/launch')).sort()).toEqual(
        codes.map((c) => `${year}/${c}/launch`),
      );
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await connection.close();
    }
    // The stack's start and a 90-second year: more than the default two minutes on a busy machine.
  }, 300_000);
});
