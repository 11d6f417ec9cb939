// One run of the campaign's workflow: the units in scope, what they have told it, what the operators have
// decided, and the phase. Made inside the workflow function and handed to its parts: the sandbox reuses
// modules, so no state lives at module level.
import { formatShanghaiDate, phases } from '../../domain/calendar.ts';
import type { CatalogueResource } from '../../domain/matching/catalogue.ts';
import type { DesignateKeyRegions, RecordMatches } from '../../domain/matching/decisions.ts';
import { type Resource, reportingUnits, type Unit } from '../../domain/registry.ts';
import type { MatchingReviewState } from '../matching/matchingReview.ts';
import type { CampaignStatus, NationalSummary, UnitFacts } from '../shared/status.ts';
import type { CampaignCarry, CampaignWorkflowInput } from './campaignInput.ts';

type Phase = CampaignStatus['phase'];

const phaseOrder: Phase[] = ['beforeLaunch', ...phases, 'compiling', 'closed'];

export interface CampaignRun {
  readonly input: CampaignWorkflowInput;
  /** Every unit in scope: each is sent the launch notice. */
  readonly audience: Unit[];
  /** The units in scope that report: each runs a unit workflow. */
  readonly reporting: Unit[];
  readonly reportingCodes: Set<string>;
  /** The registry's resources by id, for matches recorded by hand to one outside the catalogue. */
  readonly resources: Map<string, Resource>;
  /** The catalogue's resources by id; none without a catalogue. */
  readonly catalogueResources: Map<string, CatalogueResource>;
  phase: Phase;
  /** What each reporting unit last told: its flagged demand ids and whether all is in. */
  readonly units: Map<string, UnitFacts>;
  matches: RecordMatches;
  keyRegions: DesignateKeyRegions | null;
  feedbackSent: boolean;
  summary: NationalSummary | null;
  /** The matching review, when the campaign has a catalogue. */
  review: MatchingReviewState | undefined;
  status(): CampaignStatus;
  reached(phase: Phase): boolean;
  /** Why match decisions are closed (the feedback went out), or null while they are open. */
  matchingOver(): string | null;
  /** What the next run takes up across continue-as-new. */
  carry(inTiers: boolean): CampaignCarry;
}

export function campaignRun(input: CampaignWorkflowInput): CampaignRun {
  const { year, registry, schedule, carried } = input;
  const inScope = (unit: Unit) => !input.unitCodes || input.unitCodes.includes(unit.code);
  const reporting = reportingUnits(registry).filter(inScope);
  const registryOrder = new Map(registry.units.map((u, i) => [u.code, i]));
  const calendar = {
    launch: formatShanghaiDate(schedule.phases.launch.start),
    planDeadline: formatShanghaiDate(schedule.deadlines.plan),
    summaryDeadline: formatShanghaiDate(schedule.deadlines.summary),
    closes: formatShanghaiDate(schedule.closeAt),
    revisionDays: schedule.revisionDays,
    reminderDaysBefore: schedule.reminderDaysBefore,
    ...(schedule.workingDays && { workingDays: schedule.workingDays }),
  };
  const run: CampaignRun = {
    input,
    audience: registry.units.filter(inScope),
    reporting,
    reportingCodes: new Set(reporting.map((u) => u.code)),
    resources: new Map(registry.resources.map((r) => [r.id, r])),
    catalogueResources: new Map((input.catalogue?.resources ?? []).map((r) => [r.id, r])),
    phase: carried?.phase ?? 'beforeLaunch',
    units: new Map((carried?.units ?? []).map((facts) => [facts.unitCode, facts])),
    matches: carried?.matches ?? { matches: [], pairings: [] },
    keyRegions: carried?.keyRegions ?? null,
    feedbackSent: carried?.feedbackSent ?? false,
    summary: null,
    review: undefined,
    status: () => ({
      year,
      phase: run.phase,
      calendar,
      clock: schedule.mapping,
      // The registry's order: provinces by code, then the corps, then the separately listed cities.
      units: [...run.units.values()].sort(
        (a, b) => (registryOrder.get(a.unitCode) ?? 0) - (registryOrder.get(b.unitCode) ?? 0),
      ),
      matches: run.matches,
      matchingReview: run.review?.held() ?? null,
      reviewDigest: run.review?.digest() ?? null,
      keyRegions: run.keyRegions,
      feedbackSent: run.feedbackSent,
      summary: run.summary,
    }),
    reached: (p) => phaseOrder.indexOf(run.phase) >= phaseOrder.indexOf(p),
    matchingOver: () =>
      run.feedbackSent
        ? `matching for ${year} is over: feedback went to the units on ${formatShanghaiDate(schedule.phases.matching.end)}`
        : null,
    carry: (inTiers) => ({
      phase: run.phase,
      inTiers,
      units: [...run.units.values()],
      matches: run.matches,
      keyRegions: run.keyRegions,
      feedbackSent: run.feedbackSent,
      review: run.review ? run.review.carried() : null,
    }),
  };
  return run;
}
