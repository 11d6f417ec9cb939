// A whole compressed year on China's working calendar, campaign and unit, on the time-skipping server: 2026
// squeezed into an hour for a silent unit. Its reminders' keys say how many calendar days before the deadline
// they went out: 11 for the plan's first, the seventh working day before, not 7.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingCalendar } from '../../../client/operations/calendar/workingCalendar.ts';
import type { MailSink } from '../../../scripts/mailSink.ts';
import { campaignWorkflowId, unitWorkflowId } from '../../../workflows/shared/messages.ts';
import { recordHistories } from '../../support/recordHistories.ts';
import { type TimeSkippingStack, timeSkippingStack } from '../../support/temporal.ts';
import { startTestCampaign } from '../../support/testCampaign.ts';

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

describe('a compressed year on working days', () => {
  it('reminds and escalates a silent unit on working days to the end of the year', async () => {
    const workingDays = await workingCalendar({ years: [2026] });
    const from = await env.currentTimeMs();
    const summary = await stack.runWorker(async () => {
      const { handle } = await startTestCampaign(env.client, {
        year: 2026,
        unitCodes: ['11'],
        compressed: { from, ms: 3_600_000 },
        workingDays,
      });
      return handle.result();
    });
    const keys = sink
      .messages()
      .map((m) => m.headers.key)
      .filter((key) => key?.startsWith('2026/11/'));
    expect(keys).toEqual(
      expect.arrayContaining([
        // Monday May 25: its seventh working day before is Thursday May 14.
        '2026/11/plan/reminder-11d-before-2026-05-25',
        '2026/11/plan/reminder-3d-before-2026-05-25', // Friday May 22, the working day before
        '2026/11/plan/supervision-2026-05-25',
        // Tuesday Nov 10: its seventh working day before, Friday Oct 30, is before the window opens on
        // Sunday Nov 1, so that reminder goes out on the first working morning of the window, Monday Nov 2.
        '2026/11/summary/reminder-8d-before-2026-11-10',
        '2026/11/summary/reminder-1d-before-2026-11-10',
      ]),
    );
    expect(keys.filter((key) => key?.includes('reminder-7d-before'))).toEqual([]);
    expect(summary.notice.map((n) => n.unitCode)).toContain('11');
    // A release keeps this year's histories: the first with the working-days branch to replay.
    await recordHistories(
      env.client,
      new Map([
        [campaignWorkflowId(2026), 'working-days'],
        [unitWorkflowId(2026, '11'), 'working-days-11'],
      ]),
    );
  });
});
