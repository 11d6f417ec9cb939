// What the campaign's workflow answers: its status, what its units tell it, and the operators' match
// decisions and key regions. The matching review sets its own updates (workflows/matching/matchingReview.ts),
// between the two groups here, as histories recorded them.
import { setHandler } from '@temporalio/workflow';
import {
  designateKeyRegionsSchema,
  keyRegionIssues,
  type MatchContext,
  matchDecisionIssues,
  mergeDecisions,
  recordMatchesSchema,
} from '../../domain/matching/decisions.ts';
import { parseInput } from '../../domain/validation.ts';
import { notAllowedNow, rejectInvalid, rejectIssues } from '../shared/failures.ts';
import {
  campaignStatusQuery,
  designateKeyRegionsUpdate,
  recordMatchesUpdate,
  unitChangedSignal,
  unitsChangedSignal,
} from '../shared/messages.ts';
import type { UnitFacts } from '../shared/status.ts';
import { factsOf } from '../shared/unitFacts.ts';
import type { CampaignRun } from './campaignRun.ts';
import { showDetails } from './reporting.ts';

/** The status query and the signals of the units and their groups. */
export function setHearingHandlers(run: CampaignRun): void {
  setHandler(campaignStatusQuery, run.status, {
    description: 'Phase, every unit, matches, key regions, the national summary',
  });
  const hear = (batch: UnitFacts[]) => {
    for (const facts of batch) run.units.set(facts.unitCode, facts);
    showDetails(run);
  };
  setHandler(unitChangedSignal, (reported) => hear([factsOf(reported)]), {
    description: 'From a unit: its flagged demands and whether all is in, after a change',
  });
  setHandler(unitsChangedSignal, hear, {
    description: 'From a unit group: the facts of those of its units that changed',
  });
}

/** The operators' match decisions and key regions, taken until the matching feedback goes out. */
export function setDecisionHandlers(run: CampaignRun): void {
  const beforeFeedback = () => {
    const over = run.matchingOver();
    if (over) throw notAllowedNow(over);
  };
  const matchContext: MatchContext = {
    reportingCodes: run.reportingCodes,
    resourceIds: new Set([...run.resources.keys(), ...run.catalogueResources.keys()]),
    flaggedDemandIds: (code) => run.units.get(code)?.flaggedDemandIds ?? [],
  };
  setHandler(
    recordMatchesUpdate,
    (raw) => {
      run.matches = mergeDecisions(run.matches, parseInput(recordMatchesSchema, raw, 'match decisions'));
      return run.status();
    },
    {
      description: 'Operator: record match decisions for flagged demands and one-to-one pairings',
      validator: (raw) => {
        beforeFeedback();
        const decisions = rejectInvalid(() => parseInput(recordMatchesSchema, raw, 'match decisions'));
        rejectIssues('match decisions', matchDecisionIssues(decisions, matchContext));
      },
    },
  );
  setHandler(
    designateKeyRegionsUpdate,
    (raw) => {
      // Who designated is in the update's input in history; the state stays as it was, so replays agree.
      const { by: _by, ...choice } = parseInput(designateKeyRegionsSchema, raw, 'key regions');
      run.keyRegions = choice;
      return run.status();
    },
    {
      description: 'Operator: designate 3–4 key-guidance regions and 1–2 exchange hosts',
      validator: (raw) => {
        beforeFeedback();
        const choice = rejectInvalid(() => parseInput(designateKeyRegionsSchema, raw, 'key regions'));
        rejectIssues('key regions', keyRegionIssues(choice, run.reportingCodes));
      },
    },
  );
}
