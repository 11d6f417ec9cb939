// The campaign for one year: launch, survey, matching, activities, summary. One child per reporting unit, or
// past 500 of them one group per province over its units (campaignUnits). While it waits for the next date it
// continues as new once its history is long, handing the next run what it has heard and decided (CampaignCarry).
// Its parts, each made for this run: the state (campaignRun), the handlers, the reporting, the clock, the
// matching; the patched() ids and their releases are in patches.ts.
import { allHandlersFinished, condition, continueAsNew, patched } from '@temporalio/workflow';
import { formatShanghaiDate, toNominal } from '../../domain/calendar.ts';
import { launchWindow } from '../shared/inWindows.ts';
import type { NationalSummary } from '../shared/status.ts';
import { noFacts } from '../shared/unitFacts.ts';
import type { CampaignWorkflowInput } from './campaignInput.ts';
import { campaignRun } from './campaignRun.ts';
import { childUnits, groupedUnits } from './campaignUnits.ts';
import { campaignClock, sleepUntil } from './clock.ts';
import { setDecisionHandlers, setHearingHandlers } from './handlers.ts';
import { proposeWhenMatchingOpens, sendFeedback, startReview } from './matchingPhase.ts';
import { compileNationalSummary } from './nationalSummary.ts';
import { campaignContinuesAsNew, resultsOfSubmittedSummaries, unitsInTiers } from './patches.ts';
import { enter, showDetails } from './reporting.ts';

export type { CampaignWorkflowInput } from './campaignInput.ts';

export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<NationalSummary> {
  const { year, schedule, carried } = input;
  const run = campaignRun(input);
  setHearingHandlers(run);
  run.review = startReview(run);
  setDecisionHandlers(run);

  // --- launch (the first run only) ---
  if (!carried) {
    await sleepUntil(schedule, schedule.phases.launch.start);
    enter(run, 'launch');
  } else {
    // A carried run shows the phase it takes up (search attribute, details).
    enter(run, run.phase);
  }
  const groupSize = input.groupSize ?? launchWindow;
  const continuesAsNew = carried !== undefined || patched(campaignContinuesAsNew);
  const inTiers = carried?.inTiers ?? (run.reporting.length > groupSize && patched(unitsInTiers));
  const { registry, unitHistoryEventLimit } = input;
  const { audience, reporting } = run;
  const unitsOfYear = {
    year,
    schedule,
    registry,
    audience,
    reporting,
    unitHistoryEventLimit,
    continuesAsNew,
  };
  const children = inTiers ? groupedUnits(unitsOfYear, groupSize) : childUnits(unitsOfYear);
  if (!carried) {
    await children.launch();
    // A unit that has already reported (a worker replaying, or a fast unit) keeps what it said.
    for (const unit of reporting) if (!run.units.has(unit.code)) run.units.set(unit.code, noFacts(unit.code));
    showDetails(run);
  }
  const until = campaignClock(run, continuesAsNew, () =>
    continueAsNew<typeof campaignWorkflow>({ ...input, carried: run.carry(inTiers) }),
  );

  // --- survey and matching ---
  if (!run.reached('survey')) {
    await until(schedule.phases.survey.start);
    enter(run, 'survey');
  }
  if (!run.reached('matching')) {
    await until(schedule.phases.matching.start);
    enter(run, 'matching');
    await proposeWhenMatchingOpens(run);
  }
  if (!run.feedbackSent) {
    await until(schedule.phases.matching.end);
    await sendFeedback(run, children);
    run.feedbackSent = true;
  }

  // --- activities, then summary ---
  if (!run.reached('activities')) enter(run, 'activities');
  if (!run.reached('summary')) {
    await until(schedule.phases.summary.start);
    enter(run, 'summary');
  }
  await until(schedule.closeAt, () => reporting.every((u) => run.units.get(u.code)?.allIn === true));

  enter(run, 'compiling');
  const outcomes = await children.close();
  const compiledOn = formatShanghaiDate(toNominal(schedule.mapping, Date.now()));
  run.summary = compileNationalSummary(year, compiledOn, outcomes, run.matches, run.keyRegions, {
    submittedOnly: patched(resultsOfSubmittedSummaries),
  });
  enter(run, 'closed');
  await condition(allHandlersFinished);
  return run.summary;
}
