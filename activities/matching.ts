// The matching proposal as an activity: the optimiser is pure, but a national instance is heavy enough to
// keep out of the workflow task, and its result is recorded once in history rather than recomputed on replay.
// The flagged rows are fetched here from the units, so they never pass through the campaign's history; since
// 'review-by-reference' the review itself is kept in the document store and changed here, action by action.
import { Context } from '@temporalio/activity';
import type { ResourceCatalogue } from '../domain/matching/catalogue.ts';
import type { RecordMatches } from '../domain/matching/decisions.ts';
import type { Pairing } from '../domain/matching/instance.ts';
import { proposePairings } from '../domain/matching/pairing.ts';
import { proposeMatches } from '../domain/matching/proposal.ts';
import {
  applyReviewAction,
  confirmedMatches,
  confirmedPairings,
  forReview,
  type ProposalForReview,
  type ReviewAction,
  type Stamp,
  startReview,
} from '../domain/matching/review.ts';
import type { ReviewDigest } from '../domain/matching/reviewDigest.ts';
import type { UnitDemand } from '../domain/matching/scoring.ts';
import type { Registry } from '../domain/registry.ts';
import { loadReview, saveReview } from '../infra/documents/reviewDocument.ts';
import type { DocumentStore } from '../infra/documents/store.ts';
import { sdkReads } from '../infra/temporal/reads.ts';
import { flaggedDemandLabels, flaggedDemandRows } from '../reads/flaggedDemands.ts';
import { yearPairings } from '../reads/pairingHistory.ts';
import { rejectInvalid } from '../workflows/shared/failures.ts';

export interface ProposeMatchingInput {
  catalogue: ResourceCatalogue;
  /** The units whose flagged demands to match, fetched from them. */
  flagged?: { year: number; unitCodes: string[] };
  /** The rows themselves, as campaigns before 'progress-without-rows' passed them. */
  demands?: UnitDemand[];
  pairings: Pairing[];
  /** The campaign's reporting units: with it, the one-to-one pairing is proposed too. */
  registry?: Registry;
}

export interface DemandLabelsInput {
  year: number;
  demands: { unitCode: string; demandId: string }[];
}

export interface ProposeReviewInput extends ProposeMatchingInput {
  year: number;
  stamp: Stamp;
  /** The review so far, whose operator decisions the new one keeps; null for the first proposal. */
  previous: ReviewDigest | null;
}

/** The new review, and what the optimiser found: the operators' notice counts these. */
export interface ProposedReview {
  digest: ReviewDigest;
  matched: number;
  unmatched: number;
}

export interface ReviewActionInput {
  year: number;
  current: ReviewDigest;
  action: ReviewAction;
  at: string;
  catalogue: ResourceCatalogue;
}

export function createMatchingActivities(store: DocumentStore) {
  async function proposeMatching(input: ProposeMatchingInput): Promise<ProposalForReview> {
    const { flagged } = input;
    const demands = flagged
      ? await flaggedDemandRows(Context.current().client, flagged.year, flagged.unitCodes, (done) =>
          Context.current().heartbeat(done),
        )
      : (input.demands ?? []);
    // Last year's pairings are kept where the load allows: read from its campaign, none when it had none.
    const lastYear =
      input.registry && flagged
        ? ((await yearPairings(sdkReads(Context.current().client), flagged.year - 1)) ?? [])
        : [];
    return rejectInvalid(() =>
      forReview(
        proposeMatches({ ...input, demands }),
        input.registry &&
          proposePairings({ registry: input.registry, catalogue: input.catalogue, demands, lastYear }),
      ),
    );
  }
  return {
    proposeMatching,
    /** The proposal made into a review and stored; the campaign gets the digest. */
    async proposeReview(input: ProposeReviewInput): Promise<ProposedReview> {
      const proposal = await proposeMatching(input);
      const previous = input.previous && (await loadReview(store, input.previous));
      const review = startReview(proposal, input.stamp, previous);
      return {
        digest: await saveReview(store, input.year, review),
        matched: proposal.matches.length,
        unmatched: proposal.unmatched.length,
      };
    },
    /** One operator action on the stored review; an action that cannot apply fails as InvalidInput. */
    async reviewAction(input: ReviewActionInput): Promise<ReviewDigest> {
      const review = await loadReview(store, input.current);
      const next = rejectInvalid(() => applyReviewAction(review, input.action, input.catalogue, input.at));
      return saveReview(store, input.year, next);
    },
    /** What a confirmed review sends out, read from the store at the end of matching. */
    async confirmedDecisions(digest: ReviewDigest): Promise<RecordMatches> {
      const review = await loadReview(store, digest);
      return { matches: confirmedMatches(review), pairings: confirmedPairings(review) };
    },
    /** How the resource feedback names each matched demand (entity and description). */
    async demandLabels(input: DemandLabelsInput): Promise<Record<string, string>> {
      return flaggedDemandLabels(Context.current().client, input.year, input.demands);
    },
  };
}
