// What the campaign's workflow is started with, and what one run hands the next across continue-as-new.
import type { CampaignSchedule } from '../../domain/calendar.ts';
import type { ResourceCatalogue } from '../../domain/matching/catalogue.ts';
import type { DesignateKeyRegions, RecordMatches } from '../../domain/matching/decisions.ts';
import type { Registry } from '../../domain/registry.ts';
import type { CarriedReview } from '../matching/matchingReview.ts';
import type { CampaignStatus, UnitFacts } from '../shared/status.ts';

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
