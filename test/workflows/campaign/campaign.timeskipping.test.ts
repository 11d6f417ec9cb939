// The real calendar (2022's month-days) for next year, end to end on the time-skipping server, with a
// real SMTP sink: the exact mail each unit receives and the national summary that comes out.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../../domain/defaultRegistry.ts';
import { campaignStatus } from '../../../reads/campaignStatus.ts';
import type { MailSink } from '../../../scripts/mailSink.ts';
import {
  campaignStatusQuery,
  campaignWorkflowId,
  designateKeyRegionsUpdate,
  grantExtensionUpdate,
  recordActivityUpdate,
  recordMatchesUpdate,
  returnForRevisionUpdate,
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitStatusQuery,
  unitWorkflowId,
} from '../../../workflows/shared/messages.ts';
import type { NationalSummary } from '../../../workflows/shared/status.ts';
import { progressMemoKey } from '../../../workflows/shared/visibility.ts';
import { eventually } from '../../support/eventually.ts';
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

const registry = defaultRegistry();
const office = (code: string) => registry.units.find((u) => u.code === code)?.contacts.office.email;
const leadership = (code: string) => registry.units.find((u) => u.code === code)?.contacts.leadership.email;
const paired = (code: string) => {
  const unit = registry.units.find((u) => u.code === code);
  return registry.resources.find((r) => r.id === unit?.pairedResource)?.contact.email;
};
const promotion = registry.promotionDepartment.email;

let stack: TimeSkippingStack;
let env: TestWorkflowEnvironment;
let sink: MailSink;

beforeAll(async () => {
  stack = await timeSkippingStack();
  ({ env, sink } = stack);
});

afterAll(async () => {
  await stack?.stop();
});

const runWorker = <T>(fn: () => Promise<T>) => stack.runWorker(fn);

describe('a campaign on the real calendar, time-skipped', () => {
  it('runs five units through the year: on time, late, returned, extended, silent', async () => {
    const year = await nextYear(env);
    const codes = ['11', '12', '13', '14', '15', '2301'];
    const client = env.client.workflow;
    const unit = (code: string) => client.getHandle(unitWorkflowId(year, code));
    const skipTo = (monthDay: string) => stack.skipTo(year, monthDay);

    const summary = await runWorker(async () => {
      // With the catalogue, matching opens with a proposal; left unconfirmed, it sends nothing to units.
      const { handle: campaign } = await startTestCampaign(env.client, {
        year,
        unitCodes: codes,
        withCatalogue: true,
      });

      await skipTo('05-10');
      for (const code of ['11', '13', '15']) {
        await unit(code).executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
        await unit(code).executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
      }
      await unit('14').executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit('11').executeUpdate(recordActivityUpdate, { args: [sampleActivity()] });

      await skipTo('05-16');
      await unit('13').executeUpdate(returnForRevisionUpdate, {
        args: [
          { what: 'workPlan', reason: '活动安排不够具体，请细化到月 / Please plan activities by month' },
        ],
      });

      await skipTo('05-20');
      await unit('14').executeUpdate(grantExtensionUpdate, {
        args: [{ track: 'plan', until: `${year}-06-05` }],
      });

      await skipTo('05-21');
      await unit('13').executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await campaign.executeUpdate(designateKeyRegionsUpdate, {
        args: [{ regions: ['11', '13', '15'], exchangeHosts: ['中关村知识产权服务业集聚发展区'] }],
      });
      await campaign.executeUpdate(recordMatchesUpdate, {
        args: [
          {
            matches: [{ unitCode: '11', demandId: 'BJ-001', resourceId: 'po-beijing-center' }],
            pairings: [{ unitCode: '11', resourceId: 'po-beijing-center' }],
          },
        ],
      });

      await skipTo('06-01');
      await unit('14').executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });

      await skipTo('06-10');
      await unit('12').executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit('12').executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });

      await skipTo('11-05');
      for (const code of ['11', '12', '13', '14']) {
        await unit(code).executeUpdate(submitSummaryUpdate, {
          args: [{ written: sampleWritten(), results: sampleResults() }],
        });
      }
      const result = await campaign.result();
      expect((await campaign.query(campaignStatusQuery)).phase).toBe('closed');
      await recordHistories(
        env.client,
        new Map(
          [
            campaignWorkflowId(year),
            ...codes.filter((c) => c !== '2301').map((c) => unitWorkflowId(year, c)),
          ].map((id) => [id, id.replace(`wanlixing-${year}`, 'campaign')]),
        ),
      );
      return result;
    });

    const byUnit = (code: string) =>
      sink
        .messages()
        .filter((m) => m.headers.key?.startsWith(`${year}/${code}/`))
        .map((m) => ({
          kind: m.headers.kind,
          key: m.headers.key?.slice(`${year}/${code}/`.length),
          to: m.to,
          cc: m.cc,
        }));
    const d = (monthDay: string) => `${year}-${monthDay}`;

    expect(byUnit('11')).toEqual([
      { kind: 'campaign.launched', key: 'launch', to: [office('11')], cc: [] },
      { kind: 'matching.feedback', key: 'matching/feedback', to: [office('11')], cc: [paired('11')] },
      {
        kind: 'deadline.reminder',
        key: `summary/reminder-7d-before-${d('11-10')}`,
        to: [office('11')],
        cc: [],
      },
    ]);
    expect(byUnit('12')).toEqual([
      { kind: 'campaign.launched', key: 'launch', to: [office('12')], cc: [] },
      { kind: 'deadline.reminder', key: `plan/reminder-7d-before-${d('05-25')}`, to: [office('12')], cc: [] },
      { kind: 'deadline.reminder', key: `plan/reminder-1d-before-${d('05-25')}`, to: [office('12')], cc: [] },
      { kind: 'deadline.overdue', key: `plan/overdue-${d('05-25')}`, to: [office('12')], cc: [] },
      {
        kind: 'deadline.urging',
        key: `plan/urging-${d('05-25')}`,
        to: [office('12'), leadership('12')],
        cc: [],
      },
      {
        kind: 'deadline.supervision',
        key: `plan/supervision-${d('05-25')}`,
        to: [office('12'), leadership('12')],
        cc: [paired('12'), promotion],
      },
      { kind: 'matching.feedback', key: 'matching/feedback', to: [office('12')], cc: [paired('12')] },
      {
        kind: 'deadline.reminder',
        key: `summary/reminder-7d-before-${d('11-10')}`,
        to: [office('12')],
        cc: [],
      },
    ]);
    const subjectsOf = (code: string) =>
      sink
        .messages()
        .filter((m) => m.headers.key?.startsWith(`${year}/${code}/`))
        .map((m) => m.subject);
    const prefix = `【${year}年知识产权服务万里行】`;
    expect(subjectsOf('12')).toEqual([
      `${prefix}活动启动通知 / Notice of launch: ${year} IP Service Campaign`,
      `${prefix}提醒：工作方案和需求清单将于${d('05-25')}截止 / Reminder: work plan and demand list due ${d('05-25')}`,
      `${prefix}提醒：工作方案和需求清单将于${d('05-25')}截止 / Reminder: work plan and demand list due ${d('05-25')}`,
      `${prefix}逾期：工作方案和需求清单已超过${d('05-25')}截止日期 / Overdue: work plan and demand list was due ${d('05-25')}`,
      `${prefix}催办：工作方案和需求清单逾期未报送 / Urging: work plan and demand list overdue since ${d('05-25')}`,
      `${prefix}督办：工作方案和需求清单逾期未报送 / Supervision: work plan and demand list overdue since ${d('05-25')}`,
      `${prefix}需求对接反馈 / Feedback on demand matching`,
      `${prefix}提醒：书面总结和成果总结将于${d('11-10')}截止 / Reminder: written summary and results summary due ${d('11-10')}`,
    ]);
    // Returned on May 16, Hebei keeps May 25 (7 days would end on the 23rd) and hears its reminder of the 18th.
    expect(byUnit('13').map((m) => m.kind)).toEqual([
      'campaign.launched',
      'submission.returned',
      'deadline.reminder',
      'matching.feedback',
      'deadline.reminder',
    ]);
    expect(byUnit('13')[1]?.key).toMatch(/^plan\/returned-workPlan-\d+$/);
    expect(byUnit('13')[2]?.key).toBe(`plan/reminder-7d-before-${d('05-25')}`);
    expect(byUnit('14').map((m) => m.key)).toEqual([
      'launch',
      `plan/reminder-7d-before-${d('05-25')}`,
      `plan/extended-to-${d('06-05')}`,
      `plan/reminder-7d-before-${d('06-05')}`,
      'matching/feedback',
      `summary/reminder-7d-before-${d('11-10')}`,
    ]);
    expect(byUnit('15').map((m) => [m.kind, m.key])).toEqual([
      ['campaign.launched', 'launch'],
      ['matching.feedback', 'matching/feedback'],
      ['deadline.reminder', `summary/reminder-7d-before-${d('11-10')}`],
      ['deadline.reminder', `summary/reminder-1d-before-${d('11-10')}`],
      ['deadline.overdue', `summary/overdue-${d('11-10')}`],
      ['deadline.urging', `summary/urging-${d('11-10')}`],
      ['deadline.supervision', `summary/supervision-${d('11-10')}`],
    ]);
    expect(byUnit('2301')).toEqual([
      { kind: 'campaign.launched', key: 'launch', to: [office('2301')], cc: [] },
    ]);
    const ids = sink.messages().map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    const feedbackTo11 = sink.messages().find((m) => m.headers.key === `${year}/11/matching/feedback`);
    expect(feedbackTo11?.text).toContain('BJ-001');
    expect(feedbackTo11?.text).toContain('重点指导地区');

    const results = sampleResults();
    expect(summary).toEqual<NationalSummary>({
      year,
      // The wait ends as Nov 20 (deadline + 10 days) ends.
      compiledOn: d('11-21'),
      reportingUnits: 5,
      plans: { onTime: 4, late: 1, missing: 0 },
      summaries: { onTime: 4, late: 0, missing: 1 },
      notice: [
        {
          unitCode: '12',
          nameZh: '天津市知识产权局',
          nameEn: expect.any(String),
          track: 'plan',
          outcome: 'late',
          maxLevel: 'supervision',
        },
        {
          unitCode: '15',
          nameZh: expect.any(String),
          nameEn: expect.any(String),
          track: 'summary',
          outcome: 'missing',
          maxLevel: 'supervision',
        },
      ],
      totals: {
        activitiesRecorded: 1,
        participants: results.participants * 4,
        enterprisesServed: results.enterprisesServed * 4,
        demandsCollected: results.demandsCollected * 4,
        demandsResolved: results.demandsResolved * 4,
        navigationProjects: results.navigationProjects * 4,
        licensingAndTransfer: {
          count: results.licensingAndTransfer.count * 4,
          amountTenThousandYuan: results.licensingAndTransfer.amountTenThousandYuan * 4,
        },
        pledgeFinancing: {
          count: results.pledgeFinancing.count * 4,
          amountTenThousandYuan: results.pledgeFinancing.amountTenThousandYuan * 4,
        },
        trainings: results.trainings * 4,
        mediaReports: results.mediaReports * 4,
        typicalCases: results.typicalCases.length * 4,
      },
      flaggedDemands: 5,
      matches: 1,
      keyRegions: ['11', '13', '15'],
      exchangeHosts: ['中关村知识产权服务业集聚发展区'],
    });
  });
});

describe('a full campaign, time-skipped', () => {
  it('runs all 37 reporting units and 11 notified units through a year in which nobody submits', async () => {
    sink.clear();
    const year = await nextYear(env);
    const summary = await runWorker(async () =>
      (await startTestCampaign(env.client, { year })).handle.result(),
    );

    expect(summary.reportingUnits).toBe(37);
    expect(summary.plans).toEqual({ onTime: 0, late: 0, missing: 37 });
    expect(summary.summaries).toEqual({ onTime: 0, late: 0, missing: 37 });
    expect(summary.notice).toHaveLength(74);
    expect(summary.notice.every((n) => n.outcome === 'missing' && n.maxLevel === 'supervision')).toBe(true);
    const mail = sink.messages();
    // Each unit: launch, 2 reminders and 3 escalations per deliverable, feedback; notified units: launch.
    expect(mail).toHaveLength(37 * 12 + 11);
    expect(mail.filter((m) => m.headers.kind === 'campaign.launched')).toHaveLength(48);
    expect(mail.filter((m) => m.headers.kind === 'deadline.supervision')).toHaveLength(74);
    expect(new Set(mail.map((m) => m.headers.key)).size).toBe(mail.length);
  });
});

describe("the campaign's history", () => {
  it('does not grow with every activity a unit records', async () => {
    const year = await nextYear(env);
    await runWorker(async () => {
      const { handle: campaign, schedule } = await startTestCampaign(env.client, { year, unitCodes: ['11'] });
      await env.sleep(schedule.phases.survey.start - (await env.currentTimeMs()));
      const unit = env.client.workflow.getHandle(unitWorkflowId(year, '11'));
      const signalsBefore = await signalCount(campaign.workflowId);
      for (let i = 0; i < 20; i++) {
        await unit.executeUpdate(recordActivityUpdate, { args: [{ ...sampleActivity(), id: `act-${i}` }] });
      }
      expect((await unit.query(unitStatusQuery)).activitiesRecorded).toBe(20);
      expect(await signalCount(campaign.workflowId)).toBe(signalsBefore);
      await stack.endYear(year, ['11']);
    });
  });
});

describe('what a unit tells the campaign', () => {
  it('is only what the campaign acts on: flagged demands, and all in, which ends the year early', async () => {
    const year = await nextYear(env);
    const unit = (code: string) => env.client.workflow.getHandle(unitWorkflowId(year, code));
    const flagged = sampleDemandList()
      .items.filter((item) => item.needsCnipaCoordination)
      .map((item) => item.id);
    const summary = await runWorker(async () => {
      const { handle: campaign } = await startTestCampaign(env.client, { year, unitCodes: ['11', '12'] });
      await stack.skipTo(year, '05-10');
      await unit('11').executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit('11').executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
      // The unit tells the campaign by a signal, which the campaign takes in a task of its own after the update.
      const told = [
        { unitCode: '11', flaggedDemandIds: flagged, allIn: false },
        { unitCode: '12', flaggedDemandIds: [], allIn: false },
      ];
      await eventually(
        async () => {
          expect((await campaign.query(campaignStatusQuery)).units).toEqual(told);
          return true;
        },
        30_000,
        "the campaign to hear of Beijing's flagged demands",
      );
      // Tianjin is late: reminders, then 逾期, 催办 and 督办 on its clock, none of which the campaign acts on.
      await stack.skipTo(year, '06-10');
      expect((await unit('12').query(unitStatusQuery)).escalationLevel).toBe('supervision');
      // What the dashboard shows of it comes from the unit's memo, which the server answers alone.
      const memo = (await unit('12').describe()).memo?.[progressMemoKey];
      expect(memo).toMatchObject({
        unitCode: '12',
        escalationLevel: 'supervision',
        missing: ['workPlan', 'demandList'],
      });
      const overview = await campaignStatus(env.client, year);
      expect(overview.units.map((u) => [u.unitCode, u.escalationLevel, u.flaggedDemandIds])).toEqual([
        ['11', null, flagged],
        ['12', 'supervision', []],
      ]);
      await unit('12').executeUpdate(submitWorkPlanUpdate, { args: [sampleWorkPlan()] });
      await unit('12').executeUpdate(submitDemandListUpdate, { args: [sampleDemandList()] });
      await stack.skipTo(year, '11-05');
      for (const code of ['11', '12']) {
        await unit(code).executeUpdate(submitSummaryUpdate, {
          args: [{ written: sampleWritten(), results: sampleResults() }],
        });
      }
      return campaign.result();
    });
    // Both summaries in on Nov 5: the year is compiled then, not at the close on Nov 20.
    expect(summary.compiledOn).toBe(`${year}-11-05`);
    // Per unit: its flagged demands once, all in once.
    expect(await signalCount(campaignWorkflowId(year))).toBe(4);
  });
});

async function signalCount(workflowId: string): Promise<number> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes).length;
}
