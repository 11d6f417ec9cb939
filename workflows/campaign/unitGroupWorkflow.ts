// A tier between the campaign and its units, in a county-level year: one group per province (split past a
// size), which mails its units' launch notices, starts their workflows, passes their facts up in batches,
// hands each unit its matching feedback and, at the close, returns their outcomes. The campaign then holds
// a few dozen children and messages, not thousands.
import {
  allHandlersFinished,
  type ChildWorkflowHandle,
  condition,
  getExternalWorkflowHandle,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { bySize } from '../../domain/batches.ts';
import type { CampaignSchedule } from '../../domain/calendar.ts';
import type { MatchingFeedback } from '../../domain/matching/decisions.ts';
import type { NotificationRequest } from '../../domain/notices/notifications.ts';
import { notify } from '../proxies/mail.ts';
import { inWindows } from '../shared/inWindows.ts';
import {
  batchBytes,
  closeCampaignSignal,
  groupFeedbackSignal,
  matchingFeedbackSignal,
  unitChangedSignal,
  unitsChangedSignal,
} from '../shared/messages.ts';
import type { UnitFacts } from '../shared/status.ts';
import { factsOf } from '../shared/unitFacts.ts';
import { startUnit, type UnitStart } from '../unit/startUnit.ts';
import type { unitWorkflow } from '../unit/unitWorkflow.ts';
import { outcomeOf, signalUnlessEnded } from './endedUnits.ts';
import type { UnitOutcome } from './nationalSummary.ts';

export interface UnitGroupInput {
  year: number;
  schedule: CampaignSchedule;
  /** Every unit of the group's audience is told of the launch; reporting units are then started. */
  notices: NotificationRequest[];
  units: UnitStart[];
  unitHistoryEventLimit?: number;
}

const hourOfCalendar = 3_600_000;

export async function unitGroupWorkflow(input: UnitGroupInput): Promise<UnitOutcome[]> {
  const { year, schedule } = input;
  const parent = workflowInfo().parent;
  if (!parent) throw new Error('a unit group runs as a child of its campaign');
  // By id alone: the facts reach whichever run of the campaign is current.
  const campaign = getExternalWorkflowHandle(parent.workflowId);
  const facts = new Map<string, UnitFacts>();
  const changed = new Set<string>();
  let closing = false;
  setHandler(
    unitChangedSignal,
    (reported) => {
      const next = factsOf(reported);
      facts.set(next.unitCode, next);
      changed.add(next.unitCode);
    },
    { description: 'From a unit: its flagged demands and whether all is in; passed to the campaign' },
  );
  const feedback: [string, MatchingFeedback][] = [];
  setHandler(
    groupFeedbackSignal,
    (batch) => {
      feedback.push(...batch);
    },
    { description: "From the campaign: some of its units' matching feedback, for each unit" },
  );
  setHandler(
    closeCampaignSignal,
    () => {
      closing = true;
    },
    { description: 'From the campaign: the year is over; close the units and return their outcomes' },
  );

  // Facts go up while the units start: a unit can report before the last of them is running. At most one
  // batch an hour of the calendar: a deadline's flurry of submissions reaches the campaign as a few signals,
  // which keeps its history and its signal count (10,000 a run) small whatever the number of units.
  const passingUp = (async () => {
    while (true) {
      await condition(() => changed.size > 0 || closing);
      if (changed.size === 0) return;
      const batch = [...changed].map((code) => facts.get(code) as UnitFacts);
      changed.clear();
      for (const part of bySize(batch, batchBytes)) await campaign.signal(unitsChangedSignal, part);
      await condition(() => closing, Math.ceil(hourOfCalendar * schedule.mapping.scale));
    }
  })();

  await inWindows(input.notices, notify);
  const handles = new Array<ChildWorkflowHandle<typeof unitWorkflow>>(input.units.length);
  await inWindows(input.units, async (start, i) => {
    handles[i] = await startUnit(year, schedule, start, input.unitHistoryEventLimit);
  });

  const byCode = new Map(
    input.units.map((start, i) => [start.unit.code, handles[i] as (typeof handles)[number]]),
  );
  // Feedback comes in batches at the end of matching, months before the close; each unit hears its own.
  while (!closing || feedback.length > 0) {
    await condition(() => feedback.length > 0 || closing);
    const batch = feedback.splice(0);
    await inWindows(batch, async ([code, one]) => {
      const handle = byCode.get(code);
      if (handle)
        await signalUnlessEnded(handle.workflowId, () => handle.signal(matchingFeedbackSignal, one));
    });
  }
  await inWindows(handles, (handle) =>
    signalUnlessEnded(handle.workflowId, () => handle.signal(closeCampaignSignal)),
  );
  const outcomes = await Promise.all(handles.map((handle) => outcomeOf(handle.workflowId, handle.result())));
  await passingUp;
  await condition(allHandlersFinished);
  return outcomes;
}
