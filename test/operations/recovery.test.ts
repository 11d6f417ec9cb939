// The history the fault drill left wedged (test/fixtures/stuck/): why it cannot replay, and what
// `wlx unit recover` would do with it. If an SDK release fixes the core's ordering, the first test says so.
import { readFileSync } from 'node:fs';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { describe, expect, it } from 'vitest';
import { acceptedUpdatesAfter } from '../../client/operations/recoverWorkflow.ts';
import { firstUnreplayableEvent } from '../../client/operations/recovery/replayCheck.ts';
import { resetPointFor } from '../../client/operations/recovery/resetPoint.ts';
import { bundleWorkflows } from '../support/temporal.ts';

const history = historyFromJSON(
  JSON.parse(
    readFileSync(new URL('../fixtures/stuck/unit-3702-nondeterminism.json', import.meta.url), 'utf8'),
  ),
);

describe('the wedged unit of the fault drill', () => {
  it('does not replay: the timer’s mail (72) stands before the update’s acceptance (73)', async () => {
    const unreplayable = await firstUnreplayableEvent(history, await bundleWorkflows());
    expect(unreplayable?.eventId).toBe(72);
    expect(unreplayable?.message).toContain('Update machine does not handle this event');
  });

  it('is reset to the start of that task, and its two submissions after it are sent again', () => {
    const resetTo = resetPointFor(history, 72);
    expect(resetTo).toBe(70);
    expect(acceptedUpdatesAfter(history, resetTo as number).map((u) => u.input?.name)).toEqual([
      'submitWorkPlan',
      'submitDemandList',
    ]);
  });

  it('has nothing to reset to when the first task does not replay', () => {
    expect(resetPointFor(history, 4)).toBeNull();
  });
});
