// The campaign's clock: it waits for the dates of its calendar on durable timers. A run that may continue as
// new does so while it waits, once its history is long: the next run takes up the wait where it was.
import { allHandlersFinished, condition, sleep, workflowInfo } from '@temporalio/workflow';
import { type CampaignSchedule, toReal } from '../../domain/calendar.ts';
import type { CampaignRun } from './campaignRun.ts';

/** Sleeps until a nominal instant: the launch, which only the first run waits for. */
export async function sleepUntil(schedule: CampaignSchedule, nominal: number): Promise<void> {
  const ms = toReal(schedule.mapping, nominal) - Date.now();
  if (ms > 0) await sleep(ms);
}

/**
 * The campaign's wait for a nominal instant, or until `done`. When `continuesAsNew`, a long history (or the
 * server's suggestion) ends the wait in `carryOver`, once the handlers have finished.
 */
export function campaignClock(
  run: CampaignRun,
  continuesAsNew: boolean,
  carryOver: () => Promise<never>,
): (nominal: number, done?: () => boolean) => Promise<void> {
  const { schedule, historyEventLimit } = run.input;
  const longHistory = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > (historyEventLimit ?? 5_000);
  };
  return async (nominal, done) => {
    const ms = toReal(schedule.mapping, nominal) - Date.now();
    if (ms <= 0) return;
    if (!continuesAsNew) {
      await (done ? condition(done, ms) : sleep(ms));
      return;
    }
    if (!(await condition(() => done?.() === true || longHistory(), ms)) || done?.()) return;
    await condition(allHandlersFinished);
    await carryOver();
  };
}
