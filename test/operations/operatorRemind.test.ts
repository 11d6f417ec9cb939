// "Remind all" as an operator uses it: from the campaign's status, which may be a moment old.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastReminders } from '../../client/operations/lastReminded.ts';
import { RemindAllTooSoonError, remindAll, remindAllHold } from '../../client/operations/remindAll.ts';
import { remindUnits } from '../../client/operations/remindUnits.ts';
import { openAuditTrail } from '../../infra/audit/sqlTrail.ts';
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

  it('holds a second remind-all within the interval, whoever sends it, and lets it go after', async () => {
    const { client } = stack;
    const trail = await openAuditTrail('pglite:memory://');
    try {
      const seen = await startSurveyingCampaign(client, year + 2, ['41', '42']);
      const hour = 3_600_000;
      const t0 = Date.UTC(2030, 4, 20, 2, 0);
      const as = (name: string, via: 'web' | 'cli', actionId?: string) => ({
        actor: { kind: 'operator' as const, name },
        via,
        trail,
        actionId,
      });
      const first = await remindAll(client, year + 2, seen.units, {
        intervalMs: 24 * hour,
        now: t0,
        acting: as('zhang', 'web', 'batch-1'),
      });
      expect(first.map((o) => o.outcome)).toEqual(['reminded', 'reminded']);

      // From wlx, another operator, an hour later: refused, saying who, when, and when the next may go.
      const again = remindAll(client, year + 2, seen.units, {
        intervalMs: 24 * hour,
        now: t0 + hour,
        acting: as('li', 'cli'),
      });
      await expect(again).rejects.toBeInstanceOf(RemindAllTooSoonError);
      await expect(again).rejects.toThrow(
        'zhang 已于 2030-05-20 10:00 全部催报，下次全部催报须在 2030-05-21 10:00（北京时间）之后',
      );
      // The same request retried (its action id) is the same remind-all, not a second one.
      const retried = await remindAll(client, year + 2, seen.units, {
        intervalMs: 24 * hour,
        now: t0 + hour,
        acting: as('zhang', 'web', 'batch-1'),
      });
      expect(retried.map((o) => o.outcome)).toEqual(['reminded', 'reminded']);
      expect(await remindAllHold(trail, year + 2, 24 * hour, t0 + 24 * hour)).toBeNull();
      const later = await remindAll(client, year + 2, seen.units, {
        intervalMs: 24 * hour,
        now: t0 + 24 * hour,
        acting: as('li', 'cli'),
      });
      expect(later.map((o) => o.outcome)).toEqual(['reminded', 'reminded']);
      // Each unit's last reminder, by whom: the later one.
      const last = await lastReminders(trail, year + 2);
      expect([...last.keys()].sort()).toEqual(['41', '42']);
      expect(last.get('41')?.by).toBe('li');
      // An interval of 0 holds nothing.
      expect(await remindAllHold(trail, year + 2, 0, t0 + 24 * hour)).toBeNull();
    } finally {
      await trail.close();
    }
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
