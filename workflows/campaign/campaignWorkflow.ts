// The campaign for one year: launch, survey, matching, activities, summary. One child per reporting unit, or
// past 500 of them one group per province over its units (campaignUnits). While it waits for the next date it
// continues as new once its history is long, handing the next run what it has heard and decided (CampaignCarry).
import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setCurrentDetails,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type CampaignSchedule,
  formatShanghaiDate,
  phases,
  toNominal,
  toReal,
} from '../../domain/calendar.ts';
import type { ResourceCatalogue } from '../../domain/matching/catalogue.ts';
import {
  type DesignateKeyRegions,
  designateKeyRegionsSchema,
  keyRegionIssues,
  type MatchContext,
  matchDecisionIssues,
  mergeDecisions,
  type RecordMatches,
  recordMatchesSchema,
} from '../../domain/matching/decisions.ts';
import type { Registry, Unit } from '../../domain/registry.ts';
import { reportingUnits } from '../../domain/registry.ts';
import { parseInput } from '../../domain/validation.ts';
import { matchingFeedback } from '../matching/matchingFeedback.ts';
import { type CarriedReview, matchingReview } from '../matching/matchingReview.ts';
import { resourceFeedback } from '../matching/resourceFeedback.ts';
import { notify } from '../proxies/mail.ts';
import { demandLabels } from '../proxies/matching.ts';
import { notAllowedNow, rejectInvalid, rejectIssues } from '../shared/failures.ts';
import { inWindows, launchWindow } from '../shared/inWindows.ts';
import {
  campaignStatusQuery,
  designateKeyRegionsUpdate,
  recordMatchesUpdate,
  unitChangedSignal,
  unitsChangedSignal,
} from '../shared/messages.ts';
import {
  type CampaignStatus,
  factsOf,
  type NationalSummary,
  noFacts,
  type UnitFacts,
} from '../shared/status.ts';
import { campaignDetails, campaignSearchAttributes } from '../shared/visibility.ts';
import { childUnits, groupedUnits } from './campaignUnits.ts';
import { compileNationalSummary } from './nationalSummary.ts';

export interface CampaignWorkflowInput {
  year: number;
  registry: Registry;
  schedule: CampaignSchedule;
  /** Run only these units (demos, training, tests); all registry units when absent. */
  unitCodes?: string[];
  /** Passed to each unit: continue-as-new past this many history events. */
  unitHistoryEventLimit?: number;
  /** The matching resources; with it the campaign proposes matches for operators to review. */
  catalogue?: ResourceCatalogue;
  /** Past this many reporting units (500 when absent), the year runs in tiers: groups of at most this many. */
  groupSize?: number;
  /** Continue as new past this many history events (sooner if the server suggests it); 5,000 when absent. */
  historyEventLimit?: number;
  /** Set by the run before when the campaign continues as new. */
  carried?: CampaignCarry;
}

/** What a run of the campaign hands the next: all it has heard and the operators have decided. */
export interface CampaignCarry {
  phase: CampaignStatus['phase'];
  /** Whether the first run started the units in tiers. */
  inTiers: boolean;
  units: UnitFacts[];
  matches: RecordMatches;
  keyRegions: DesignateKeyRegions | null;
  feedbackSent: boolean;
  review: CarriedReview | null;
}

const phaseOrder: CampaignStatus['phase'][] = ['beforeLaunch', ...phases, 'compiling', 'closed'];

/** patched() ids: each names a behaviour that histories recorded before it do not have. */
const proposeAtMatchingStart = 'propose-at-matching-start';
/** The resource feedback names demands by rows read from the units (the campaign holds ids only). */
const demandLabelsFromUnits = 'demand-labels-from-units';
/** A proposal that fails at the start of matching leaves the year running (it used to fail the campaign). */
const yearOutlivesFailedProposal = 'year-outlives-failed-proposal';
/** Past `groupSize` reporting units, the units run under one group workflow per province (campaignUnits). */
const unitsInTiers = 'units-in-tiers';
/** The campaign continues as new when its history grows: its units outlive each run and are reached by id. */
const campaignContinuesAsNew = 'campaign-continues-as-new';

export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<NationalSummary> {
  const { year, registry, schedule, carried } = input;
  const inScope = (unit: Unit) => !input.unitCodes || input.unitCodes.includes(unit.code);
  const audience = registry.units.filter(inScope);
  const reporting = reportingUnits(registry).filter(inScope);
  const reportingCodes = new Set(reporting.map((u) => u.code));
  const resources = new Map(registry.resources.map((r) => [r.id, r]));
  const registryOrder = new Map(registry.units.map((u, i) => [u.code, i]));

  let phase: CampaignStatus['phase'] = carried?.phase ?? 'beforeLaunch';
  const reached = (p: CampaignStatus['phase']) => phaseOrder.indexOf(phase) >= phaseOrder.indexOf(p);
  const enter = (next: CampaignStatus['phase']) => {
    phase = next;
    upsertSearchAttributes(campaignSearchAttributes(year, phase));
    setCurrentDetails(campaignDetails(status()));
  };
  const units = new Map((carried?.units ?? []).map((facts) => [facts.unitCode, facts]));
  let matches: RecordMatches = carried?.matches ?? { matches: [], pairings: [] };
  let keyRegions = carried?.keyRegions ?? null;
  let feedbackSent = carried?.feedbackSent ?? false;
  let summary: NationalSummary | null = null;

  const calendar = {
    launch: formatShanghaiDate(schedule.phases.launch.start),
    planDeadline: formatShanghaiDate(schedule.deadlines.plan),
    summaryDeadline: formatShanghaiDate(schedule.deadlines.summary),
    closes: formatShanghaiDate(schedule.closeAt),
    revisionDays: schedule.revisionDays,
  };
  const status = (): CampaignStatus => ({
    year,
    phase,
    calendar,
    clock: schedule.mapping,
    // The registry's order: provinces by code, then the corps, then the separately listed cities.
    units: [...units.values()].sort(
      (a, b) => (registryOrder.get(a.unitCode) ?? 0) - (registryOrder.get(b.unitCode) ?? 0),
    ),
    matches,
    matchingReview: review?.held() ?? null,
    reviewDigest: review?.digest() ?? null,
    keyRegions,
    feedbackSent,
    summary,
  });

  setHandler(campaignStatusQuery, status, {
    description: 'Phase, every unit, matches, key regions, the national summary',
  });
  const hear = (batch: UnitFacts[]) => {
    for (const facts of batch) units.set(facts.unitCode, facts);
    setCurrentDetails(campaignDetails(status()));
  };
  setHandler(unitChangedSignal, (reported) => hear([factsOf(reported)]), {
    description: 'From a unit: its flagged demands and whether all is in, after a change',
  });
  setHandler(unitsChangedSignal, hear, {
    description: 'From a unit group: the facts of those of its units that changed',
  });

  const matchingOver = () =>
    feedbackSent
      ? `matching for ${year} is over: feedback went to the units on ${formatShanghaiDate(schedule.phases.matching.end)}`
      : null;
  const beforeFeedback = () => {
    const over = matchingOver();
    if (over) throw notAllowedNow(over);
  };

  const catalogueResources = new Map((input.catalogue?.resources ?? []).map((r) => [r.id, r]));
  const review =
    input.catalogue &&
    matchingReview({
      year,
      catalogue: input.catalogue,
      pairings: reporting.flatMap((u) =>
        u.pairedResource ? [{ unitCode: u.code, resourceId: u.pairedResource }] : [],
      ),
      operators: registry.promotionDepartment,
      registry: { ...registry, units: audience },
      flaggedUnits: () =>
        reporting.filter((u) => (units.get(u.code)?.flaggedDemandIds.length ?? 0) > 0).map((u) => u.code),
      closedBecause: matchingOver,
      notify,
      ...(carried?.review && { carried: carried.review }),
    });
  const matchContext: MatchContext = {
    reportingCodes,
    resourceIds: new Set([...resources.keys(), ...catalogueResources.keys()]),
    flaggedDemandIds: (code) => units.get(code)?.flaggedDemandIds ?? [],
  };
  setHandler(
    recordMatchesUpdate,
    (raw) => {
      matches = mergeDecisions(matches, parseInput(recordMatchesSchema, raw, 'match decisions'));
      return status();
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
      keyRegions = parseInput(designateKeyRegionsSchema, raw, 'key regions');
      return status();
    },
    {
      description: 'Operator: designate 3–4 key-guidance regions and 1–2 exchange hosts',
      validator: (raw) => {
        beforeFeedback();
        const choice = rejectInvalid(() => parseInput(designateKeyRegionsSchema, raw, 'key regions'));
        rejectIssues('key regions', keyRegionIssues(choice, reportingCodes));
      },
    },
  );

  // --- launch (the first run only) ---
  if (!carried) {
    await sleepUntil(schedule, schedule.phases.launch.start);
    enter('launch');
  } else {
    // A carried run shows the phase it takes up (search attribute, details).
    enter(phase);
  }
  const groupSize = input.groupSize ?? launchWindow;
  const continuesAsNew = carried !== undefined || patched(campaignContinuesAsNew);
  const inTiers = carried?.inTiers ?? (reporting.length > groupSize && patched(unitsInTiers));
  const unitsOfYear = {
    year,
    schedule,
    registry,
    audience,
    reporting,
    unitHistoryEventLimit: input.unitHistoryEventLimit,
    continuesAsNew,
  };
  const children = inTiers ? groupedUnits(unitsOfYear, groupSize) : childUnits(unitsOfYear);
  if (!carried) {
    await children.launch();
    // A unit that has already reported (a worker replaying, or a fast unit) keeps what it said.
    for (const unit of reporting) if (!units.has(unit.code)) units.set(unit.code, noFacts(unit.code));
    setCurrentDetails(campaignDetails(status()));
  }

  // --- survey and matching ---
  if (!reached('survey')) {
    await until(schedule.phases.survey.start);
    enter('survey');
  }
  if (!reached('matching')) {
    await until(schedule.phases.matching.start);
    enter('matching');
    if (review && !review.proposed() && patched(proposeAtMatchingStart)) {
      try {
        await review.propose('system');
      } catch (error) {
        // Operators can propose again from the review; a failed proposal must not end the year.
        if (!(error instanceof ActivityFailure) || !patched(yearOutlivesFailedProposal)) throw error;
        log.error('the proposal at the start of matching failed', { error: error.message });
      }
    }
  }
  if (!feedbackSent) {
    await until(schedule.phases.matching.end);
    await sendFeedback();
    feedbackSent = true;
  }

  // --- activities, then summary ---
  if (!reached('activities')) enter('activities');
  if (!reached('summary')) {
    await until(schedule.phases.summary.start);
    enter('summary');
  }
  await until(schedule.closeAt, () => reporting.every((u) => units.get(u.code)?.allIn === true));

  enter('compiling');
  const outcomes = await children.close();
  summary = compileNationalSummary(
    year,
    formatShanghaiDate(toNominal(schedule.mapping, Date.now())),
    outcomes,
    matches,
    keyRegions,
  );
  enter('closed');
  await condition(allHandlersFinished);
  return summary;

  async function sendFeedback(): Promise<void> {
    const confirmed = review ? await review.confirmed() : null;
    if (confirmed) matches = mergeDecisions(matches, confirmed);
    const sources = { matches, keyRegions, catalogue: catalogueResources, registry: resources };
    await children.sendFeedback((code) => matchingFeedback(code, sources));
    if (!confirmed) return;
    // Without the labels (a unit unreachable) each demand is named by its id: the feedback still goes out.
    const labels = patched(demandLabelsFromUnits)
      ? await demandLabels({
          year,
          demands: matches.matches.map(({ unitCode, demandId }) => ({ unitCode, demandId })),
        }).catch((error: unknown) => {
          if (!(error instanceof ActivityFailure)) throw error;
          return {};
        })
      : {};
    await inWindows(resourceFeedback(year, matches, catalogueResources, labels, registry), notify);
  }

  /**
   * Waits for a nominal instant, or until `done`. A run that may continue as new does so while it waits,
   * once its history is long (its handlers finished first): the next run takes up the wait where it was.
   */
  async function until(nominal: number, done?: () => boolean): Promise<void> {
    const ms = toReal(schedule.mapping, nominal) - Date.now();
    if (ms <= 0) return;
    if (!continuesAsNew) {
      await (done ? condition(done, ms) : sleep(ms));
      return;
    }
    const longHistory = () => {
      const info = workflowInfo();
      return info.continueAsNewSuggested || info.historyLength > (input.historyEventLimit ?? 5_000);
    };
    if (!(await condition(() => done?.() === true || longHistory(), ms)) || done?.()) return;
    await condition(allHandlersFinished);
    const next: CampaignCarry = {
      phase,
      inTiers,
      units: [...units.values()],
      matches,
      keyRegions,
      feedbackSent,
      review: review ? review.carried() : null,
    };
    await continueAsNew<typeof campaignWorkflow>({ ...input, carried: next });
  }
}

async function sleepUntil(schedule: CampaignSchedule, nominal: number): Promise<void> {
  const ms = toReal(schedule.mapping, nominal) - Date.now();
  if (ms > 0) await sleep(ms);
}
