// End to end on the real dev server, through `npm start` and `wlx` only, as operators and provinces
// use them: a compressed year for three units, one of them silent; then a restart in the middle.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReceivedMail } from '../../infra/mail/mailbox.ts';
import { httpReads } from '../../infra/temporal/httpReads.ts';
import { dataConverter } from '../../infra/temporal/payloadCodec.ts';
import { sdkReads } from '../../infra/temporal/reads.ts';
import {
  type CampaignOverview,
  campaignStatus as campaignStatusOf,
  listedMemos,
} from '../../reads/campaignStatus.ts';
import { type DevStack, devStack } from '../support/devStack.ts';
import { eventually } from '../support/eventually.ts';
import { step } from '../support/step.ts';

const year = new Date().getUTCFullYear() + 1;
const stacks: DevStack[] = [];

afterAll(async () => {
  await Promise.all(stacks.map((stack) => stack.stop()));
});

async function runningStack(): Promise<DevStack> {
  const stack = await devStack();
  stacks.push(stack);
  await stack.start();
  return stack;
}

const campaignStatus = (stack: DevStack) =>
  stack.wlxJson<CampaignOverview>('campaign', 'status', '--year', String(year));
const mail = (stack: DevStack) =>
  stack.wlxJson<ReceivedMail[]>('mail', 'list', '--dir', join(stack.dataDir, 'mail'));
const keysOf = (messages: ReceivedMail[], unit: string, campaignYear = year) =>
  messages.map((m) => m.headers.key ?? '').filter((key) => key.startsWith(`${campaignYear}/${unit}/`));

const submissionFiles = {
  plan: 'work-plan.json',
  demands: 'demand-list.json',
  summary: 'summary.json',
} as const;

async function submit(
  stack: DevStack,
  unit: string,
  forms: readonly (keyof typeof submissionFiles)[],
): Promise<void> {
  for (const what of forms) {
    const file = submissionFiles[what];
    const result = await stack.wlx(
      'submit',
      what,
      '--year',
      String(year),
      '--unit',
      unit,
      '--file',
      `examples/${file}`,
    );
    expect(result.code, result.stderr).toBe(0);
  }
}

describe('wlx against npm start', () => {
  it('runs a compressed campaign: submissions, a rejection, escalation mail, visibility, the national summary', async () => {
    const stack = await runningStack();

    await step('start a compressed campaign for 11, 12 and 3702', async () => {
      const started = await stack.wlx(
        'campaign',
        'start',
        '--year',
        String(year),
        '--compress',
        '120s',
        '--calendar-days',
        '--units',
        '11,12,3702',
      );
      expect(started.code, started.stderr).toBe(0);
      expect(started.stdout).toContain(`started wanlixing-${year} for 3 units`);
    });

    // Matching closes about 30 s into this 120 s year: the units submit side by side, and their summaries wait
    // until the match is recorded, so that a loaded machine's slow wlx processes still finish in time.
    await step('province 11 and 12 submit their plans and demand lists', async () => {
      await Promise.all(['11', '12'].map((unit) => submit(stack, unit, ['plan', 'demands'])));
    });

    await step('operators choose key regions and record a match', async () => {
      const regions = await stack.wlx(
        'operator',
        'key-regions',
        '--year',
        String(year),
        '--regions',
        '11,12,3702',
        '--hosts',
        '中关村知识产权服务业集聚发展区',
      );
      expect(regions.code, regions.stderr).toBe(0);
      const matched = await stack.wlx(
        'matching',
        'record',
        '--year',
        String(year),
        '--file',
        'examples/matches.json',
      );
      expect(matched.code, matched.stderr).toBe(0);
      expect(matched.stdout).toContain('(recorded): 1 matches, 1 pairings');
    });

    await step('province 11 and 12 submit their summaries', async () => {
      await Promise.all(['11', '12'].map((unit) => submit(stack, unit, ['summary'])));
    });

    await step('a flagged demand without its reason and an unknown unit exit 2', async () => {
      const bad = join(stack.dataDir, 'bad-demands.json');
      writeFileSync(bad, JSON.stringify({ items: [{ ...demandRow(), coordinationReason: undefined }] }));
      const rejected = await stack.wlx(
        'submit',
        'demands',
        '--year',
        String(year),
        '--unit',
        '3702',
        '--file',
        bad,
      );
      expect(rejected.code).toBe(2);
      expect(rejected.stderr).toContain(
        'items[0].coordinationReason: required when needsCnipaCoordination is true',
      );
      const unknown = await stack.wlx('unit', 'show', '--year', String(year), '--unit', '99');
      expect(unknown.code).toBe(2);
      // A healthy year: its histories replay on this code, so recovery finds nothing to do and changes nothing.
      for (const args of [['campaign'], ['unit', '--unit', '11']]) {
        const [noun, ...rest] = args as [string, ...string[]];
        const recovered = await stack.wlx(noun, 'recover', '--year', String(year), ...rest, '--dry-run');
        expect(recovered.code, recovered.stderr).toBe(0);
        expect(recovered.stdout).toContain('无需恢复 — its history replays on this code: nothing to recover');
      }
    });

    await step('the silent unit 3702 climbs the ladder to 督办 on the compressed clock', async () => {
      const late = await eventually(
        async () => {
          const status = await campaignStatus(stack);
          return (
            status.units.find((u) => u.unitCode === '3702' && u.escalationLevel === 'supervision') && status
          );
        },
        90_000,
        '3702 to reach 督办',
      );
      expect(late.units.filter((u) => u.overdue).map((u) => u.unitCode)).toEqual(['3702']);
      expect(late.totals.notSubmitted).toEqual(['3702']);
    });

    await step("the Web UI's visibility query names the same late unit", async () => {
      const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS as string });
      try {
        const client = new Client({ connection });
        const overdue = await eventually(
          async () => {
            const ids: string[] = [];
            for await (const wf of client.workflow.list({
              query: `CampaignYear = ${year} AND Overdue = true`,
            })) {
              ids.push(wf.workflowId);
            }
            return ids.length > 0 ? ids : undefined;
          },
          20_000,
          'the visibility query to see the overdue unit',
        );
        expect(overdue).toEqual([`wanlixing-${year}-3702`]);
        // The overview of a county-level year reads the memos by one Visibility list: the same standings.
        const withClient = new Client({ connection, dataConverter });
        const listed = await eventually(
          async () => {
            const [memos, overHttp, overview] = [
              await listedMemos(sdkReads(withClient), year),
              await listedMemos(httpReads(stack.env.TEMPORAL_HTTP_URL as string, 'default'), year),
              await campaignStatusOf(withClient, year),
            ];
            const described = JSON.stringify(overview.units.map(({ flaggedDemandIds: _, ...kept }) => kept));
            const of = (listed: Map<string, unknown>) =>
              JSON.stringify(overview.units.map((u) => listed.get(u.unitCode)));
            // The HTTP API's listing (wlx's quick reads) decodes to the same memos as the SDK's.
            return described === of(memos) && described === of(overHttp) ? memos : undefined;
          },
          20_000,
          'the memos by Visibility list, over gRPC and HTTP, to equal the ones by descriptions',
        );
        expect([...listed.values()].map((u) => [u.unitCode, u.overdue]).sort()).toEqual([
          ['11', false],
          ['12', false],
          ['3702', true],
        ]);
      } finally {
        await connection.close();
      }
    });

    await step('an operator reminds every unit; only 3702 is due', async () => {
      const reminded = await stack.wlxJson<{ outcomes: { unitCode: string; outcome: string }[] }>(
        'operator',
        'remind',
        '--year',
        String(year),
      );
      expect(reminded.outcomes.map((r) => [r.unitCode, r.outcome])).toEqual([
        ['11', 'notDue'],
        ['12', 'notDue'],
        ['3702', 'reminded'],
      ]);
      await eventually(
        async () =>
          (await mail(stack)).find((m) => /\/3702\/plan\/operator-reminder-\d+$/.test(m.headers.key ?? '')),
        20_000,
        "the operator's reminder",
      );
    });

    await step("3702's mail climbs the ladder, then the operator's reminder repeats the 督办", async () => {
      const messages = await mail(stack);
      expect(keysOf(messages, '3702').slice(0, 6)).toEqual([
        `${year}/3702/launch`,
        `${year}/3702/plan/reminder-7d-before-${year}-05-25`,
        `${year}/3702/plan/reminder-1d-before-${year}-05-25`,
        `${year}/3702/plan/overdue-${year}-05-25`,
        `${year}/3702/plan/urging-${year}-05-25`,
        `${year}/3702/plan/supervision-${year}-05-25`,
      ]);
      const supervision = messages.find((m) => m.headers.kind === 'deadline.supervision');
      expect(supervision?.to).toEqual(['wanlixing@qingdao.ipa.example', 'leadership@qingdao.ipa.example']);
      expect(supervision?.cc).toContain('wanlixing@cnipa.example');
      // After the 督办 it repeats; the matching feedback may come between them (a month is 10 s here).
      const keys3702 = keysOf(messages, '3702');
      expect(keys3702.findIndex((k) => /\/plan\/operator-reminder-\d+$/.test(k))).toBeGreaterThan(
        keys3702.indexOf(`${year}/3702/plan/supervision-${year}-05-25`),
      );
      expect(
        messages.find((m) => /\/3702\/plan\/operator-reminder-/.test(m.headers.key ?? ''))?.headers.kind,
      ).toBe('deadline.supervision');
      expect(keysOf(messages, '11').filter((k) => /overdue|urging|supervision/.test(k))).toEqual([]);
    });

    await step('the campaign closes with the national summary, 3702 in its 通报', async () => {
      const closed = await eventually(
        async () => {
          const status = await campaignStatus(stack);
          return status.phase === 'closed' ? status : undefined;
        },
        150_000,
        'the national summary',
      );
      expect(closed.summary).toMatchObject({
        year,
        reportingUnits: 3,
        plans: { onTime: 2, late: 0, missing: 1 },
        summaries: { onTime: 2, late: 0, missing: 1 },
        notice: [
          { unitCode: '3702', track: 'plan', outcome: 'missing', maxLevel: 'supervision' },
          { unitCode: '3702', track: 'summary', outcome: 'missing', maxLevel: 'supervision' },
        ],
      });
    });

    await step('11 hears its matching feedback, with its match and the key regions', async () => {
      const feedback = (await mail(stack)).find((m) => m.headers.key === `${year}/11/matching/feedback`);
      expect(feedback?.text).toContain('BJ-001');
      expect(feedback?.text).toContain('重点指导地区');
    });

    await step("an operator reads the campaign's proposal a unit and a status at a time", async () => {
      const show = (...filter: string[]) => stack.wlx('matching', 'show', '--year', String(year), ...filter);
      const tianjin = await show('--unit', '12');
      expect(tianjin.code, tianjin.stderr).toBe(0);
      expect(tianjin.stdout).toContain('12/BJ-001');
      expect(tianjin.stdout).not.toContain('11/BJ-001');
      expect(tianjin.stdout).toContain('第 1 / 1 页 · 第 1–1 项，共 1 项 / page 1 of 1 · 1–1 of 1');
      expect((await show('--status', 'rejected')).stdout).toContain(
        '没有符合条件的需求 / no demand matches the filter',
      );
      const json = await stack.wlxJson<{ decisions: { unitCode: string }[]; shown: { matching: number } }>(
        'matching',
        'show',
        '--year',
        String(year),
        '--status',
        'proposed',
        '--page',
        '1',
      );
      expect(json.decisions.map((d) => d.unitCode)).toEqual(['11', '12']);
      expect(json.shown).toEqual({ page: 1, pages: 1, matching: 2, from: 1 });
      const bad = await show('--status', 'maybe');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--status');
    });

    await step('npm start stops cleanly on Ctrl-C', async () => {
      expect(await stack.stop()).toBe(0);
    });
  }, 300_000);

  it('finishes a campaign stopped and restarted in the middle, with nothing lost or sent twice', async () => {
    const stack = await runningStack();
    const restartYear = year + 1;

    await step('start a compressed campaign for 11 and 3702; 11 submits its plan', async () => {
      expect(
        (
          await stack.wlx(
            'campaign',
            'start',
            '--year',
            String(restartYear),
            '--compress',
            '60s',
            '--calendar-days',
            '--units',
            '11,3702',
          )
        ).code,
      ).toBe(0);
      const submitted = await stack.wlx(
        'submit',
        'plan',
        '--year',
        String(restartYear),
        '--unit',
        '11',
        '--file',
        'examples/work-plan.json',
      );
      expect(submitted.code, submitted.stderr).toBe(0);
    });

    await step('stop after the first overdue notice, for a few compressed weeks', async () => {
      await eventually(
        async () =>
          (await mail(stack)).find(
            (m) => m.headers.key === `${restartYear}/3702/plan/overdue-${restartYear}-05-25`,
          ),
        60_000,
        'the first overdue notice',
      );
      expect(await stack.stop()).toBe(0);
      // Down for a few compressed weeks: timers fall due while nothing runs.
      await new Promise((done) => setTimeout(done, 8_000));
      await stack.start();
    });

    await step('the restarted campaign closes, both plans missing', async () => {
      const status = await eventually(
        async () => {
          const s = await stack.wlxJson<CampaignOverview>(
            'campaign',
            'status',
            '--year',
            String(restartYear),
          );
          return s.phase === 'closed' ? s : undefined;
        },
        120_000,
        'the restarted campaign to close',
      );
      expect(status.summary?.plans).toEqual({ onTime: 0, late: 0, missing: 2 });
    });

    await step("no mail lost or sent twice: 3702's whole ladder, each key once", async () => {
      const messages = await mail(stack);
      const keys = messages.map((m) => m.headers.key);
      expect(new Set(keys).size).toBe(keys.length);
      const ladder = (track: string, deadline: string) =>
        ['reminder-7d-before', 'reminder-1d-before', 'overdue', 'urging', 'supervision'].map(
          (rung) => `${restartYear}/3702/${track}/${rung}-${restartYear}-${deadline}`,
        );
      expect(keysOf(messages, '3702', restartYear).sort()).toEqual(
        [
          `${restartYear}/3702/launch`,
          `${restartYear}/3702/matching/feedback`,
          ...ladder('plan', '05-25'),
          ...ladder('summary', '11-10'),
        ].sort(),
      );
    });
  }, 300_000);
});

function demandRow() {
  return {
    id: 'QD-001',
    entity: { name: '青岛某海洋装备企业', type: 'enterprise' },
    field: '海洋装备',
    keyTask: 3,
    serviceCategory: 'transferLicensing',
    description: '寻找高校专利许可合作',
    preferredForm: 'offline',
    needsCnipaCoordination: true,
    contact: { name: '孙磊', phone: '0532-00000000' },
  };
}
