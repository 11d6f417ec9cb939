// The matching proposal as an activity: the optimiser is pure, but a national instance is heavy enough to
// keep out of the workflow task, and its result is recorded once in history rather than recomputed on replay.
import type { ResourceCatalogue } from '../domain/matching/catalogue.ts';
import type { Pairing } from '../domain/matching/instance.ts';
import { proposePairings } from '../domain/matching/pairing.ts';
import { proposeMatches } from '../domain/matching/proposal.ts';
import { forReview, type ProposalForReview } from '../domain/matching/review.ts';
import type { UnitDemand } from '../domain/matching/scoring.ts';
import type { Registry } from '../domain/registry.ts';
import { rejectInvalid } from '../domain/validation.ts';

export interface ProposeMatchingInput {
  catalogue: ResourceCatalogue;
  demands: UnitDemand[];
  pairings: Pairing[];
  /** The campaign's reporting units: with it, the one-to-one pairing is proposed too. */
  registry?: Registry;
}

export function createMatchingActivities() {
  return {
    async proposeMatching(input: ProposeMatchingInput): Promise<ProposalForReview> {
      return rejectInvalid(() =>
        forReview(
          proposeMatches(input),
          input.registry &&
            proposePairings({ registry: input.registry, catalogue: input.catalogue, demands: input.demands }),
        ),
      );
    },
  };
}
