// The matching proposal as an activity: the optimiser is pure, but a national instance is heavy enough to
// keep out of the workflow task, and its result is recorded once in history rather than recomputed on replay.
// The flagged rows are fetched here from the units, so they never pass through the campaign's history.
import { Context } from '@temporalio/activity';
import { flaggedDemandLabels, flaggedDemandRows } from '../client/actions/flaggedDemands.ts';
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

export function createMatchingActivities() {
  return {
    async proposeMatching(input: ProposeMatchingInput): Promise<ProposalForReview> {
      const { flagged } = input;
      const demands = flagged
        ? await flaggedDemandRows(Context.current().client, flagged.year, flagged.unitCodes, (done) =>
            Context.current().heartbeat(done),
          )
        : (input.demands ?? []);
      return rejectInvalid(() =>
        forReview(
          proposeMatches({ ...input, demands }),
          input.registry &&
            proposePairings({ registry: input.registry, catalogue: input.catalogue, demands }),
        ),
      );
    },
    /** How the resource feedback names each matched demand (entity and description). */
    async demandLabels(input: DemandLabelsInput): Promise<Record<string, string>> {
      return flaggedDemandLabels(Context.current().client, input.year, input.demands);
    },
  };
}
