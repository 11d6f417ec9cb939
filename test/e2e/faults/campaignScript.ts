// The same year for every fault case: three units on a compressed calendar (or the whole registry, on the
// cluster). Beijing (11) hands everything in at once, Tianjin (12) the plan and demands only, Qingdao (3702)
// nothing, so the year has reminders, 逾期/催办/督办 on both tracks and a 通报 list. The faults run while the
// year does; the outcome is what a calm run must match.
import { readFileSync } from 'node:fs';
import { type Client, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { type CampaignSchedule, toReal } from '../../../domain/calendar.ts';
import {
  submitDemandListUpdate,
  submitSummaryUpdate,
  submitWorkPlanUpdate,
  unitWorkflowId,
} from '../../../workflows/shared/messages.ts';
import type { NationalSummary, UnitStatus } from '../../../workflows/shared/status.ts';
import { startTestCampaign } from '../../support/testCampaign.ts';
import { sleep } from './processes.ts';

export const units = ['11', '12', '3702'];
const example = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8'));

/** Real milliseconds since the year began, and the year's length. */
export interface Timeline {
  yearMs: number;
  elapsed(): number;
  /** Resolves at this fraction of the year. */
  at(fraction: number): Promise<void>;
  /** Resolves at this nominal instant of the year's calendar (a deadline, a step after it). */
  atNominal(instant: number): Promise<void>;
  schedule: CampaignSchedule;
}

/** What a scripted year needs of the system it runs on: the fault suite's stacks, the cluster. */
export interface YearSystem {
  client: Client;
  /** Business keys of the mail received so far, a key received twice twice. */
  mailKeys(): Promise<string[]>;
  /** Ledger keys of the robots' posts so far (`<business key>@<platform>`); a system without robots has none. */
  postKeys?(): Promise<string[]>;
  /** Keys whose claim was taken over from an attempt that never said how it ended. */
  takenOver(): Promise<string[]>;
}

export interface Outcome {
  /** The national summary, less the day it was compiled on (a late worker compiles it a little later). */
  summary: Omit<NationalSummary, 'compiledOn'>;
  /** Business keys of the mail received, sorted; a key received twice appears twice. */
  mail: string[];
  /** Ledger keys of the robots' posts (`<business key>@<platform>`, sent as X-Wanlixing-Key), sorted. */
  posts: string[];
  takenOver: string[];
}

export async function runYear(
  stack: YearSystem,
  year: number,
  yearMs: number,
  faults: (timeline: Timeline) => Promise<void>,
  options: { wholeRegistry?: boolean } = {},
): Promise<Outcome> {
  const begins = Date.now() + 1000;
  const { handle, schedule } = await startTestCampaign(stack.client, {
    year,
    ...(!options.wholeRegistry && { unitCodes: units }),
    compressed: { from: begins, ms: yearMs },
  });
  const timeline: Timeline = {
    yearMs,
    elapsed: () => Date.now() - begins,
    at: (fraction) => sleep(begins + fraction * yearMs - Date.now()),
    atNominal: (instant) => sleep(toReal(schedule.mapping, instant) - Date.now()),
    schedule,
  };
  await submit(stack, year, '11', submitWorkPlanUpdate, example('work-plan.json'));
  await submit(stack, year, '11', submitDemandListUpdate, example('demand-list.json'));
  await submit(stack, year, '11', submitSummaryUpdate, example('summary.json'));
  await submit(stack, year, '12', submitWorkPlanUpdate, example('work-plan.json'));
  await submit(stack, year, '12', submitDemandListUpdate, example('demand-list.json'));

  const [{ compiledOn: _, ...summary }] = await Promise.all([
    survive(() => handle.result()),
    faults(timeline),
  ]);
  return {
    summary,
    mail: (await stack.mailKeys()).sort(),
    posts: ((await stack.postKeys?.()) ?? []).sort(),
    takenOver: await stack.takenOver(),
  };
}

/** A unit's child starts a moment after the campaign: retry until it takes the update. */
async function submit<A>(
  stack: YearSystem,
  year: number,
  unit: string,
  update: UpdateDefinition<UnitStatus, [A]>,
  payload: A,
): Promise<void> {
  const handle = stack.client.workflow.getHandle(unitWorkflowId(year, unit));
  await survive(() => handle.executeUpdate(update, { args: [payload], updateId: `${update.name}-${unit}` }));
}

/** Calls again while the server is down or the workflow not yet there; a workflow's or update's failure is final. */
export async function survive<T>(call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      const final = error instanceof WorkflowFailedError || error instanceof WorkflowUpdateFailedError;
      if (final || Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}
