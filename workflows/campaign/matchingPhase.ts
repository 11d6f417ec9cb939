// The campaign's matching: the review the operators work in (with a catalogue), the proposal when matching
// opens, and the feedback to the units and to the resources when it ends.
import { ActivityFailure, log, patched } from '@temporalio/workflow';
import { mergeDecisions } from '../../domain/matching/decisions.ts';
import { matchingFeedback } from '../matching/matchingFeedback.ts';
import { type MatchingReviewState, matchingReview } from '../matching/matchingReview.ts';
import { resourceFeedback } from '../matching/resourceFeedback.ts';
import { notify } from '../proxies/mail.ts';
import { demandLabels } from '../proxies/matching.ts';
import { inWindows } from '../shared/inWindows.ts';
import type { CampaignRun } from './campaignRun.ts';
import type { CampaignUnits } from './campaignUnits.ts';
import { demandLabelsFromUnits, proposeAtMatchingStart, yearOutlivesFailedProposal } from './patches.ts';

/** The matching review, when the campaign has a catalogue; it sets its own update handlers. */
export function startReview(run: CampaignRun): MatchingReviewState | undefined {
  const { input, reporting } = run;
  const { year, registry } = input;
  return (
    input.catalogue &&
    matchingReview({
      year,
      catalogue: input.catalogue,
      pairings: reporting.flatMap((u) =>
        u.pairedResource ? [{ unitCode: u.code, resourceId: u.pairedResource }] : [],
      ),
      operators: registry.promotionDepartment,
      registry: { ...registry, units: run.audience },
      flaggedUnits: () =>
        reporting.filter((u) => (run.units.get(u.code)?.flaggedDemandIds.length ?? 0) > 0).map((u) => u.code),
      closedBecause: run.matchingOver,
      notify,
      ...(input.carried?.review && { carried: input.carried.review }),
    })
  );
}

/** The first proposal, made by the system as matching opens, unless the review has one already. */
export async function proposeWhenMatchingOpens(run: CampaignRun): Promise<void> {
  const { review } = run;
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

/** Each unit hears its matches; with a confirmed review, each matched resource hears its demands. */
export async function sendFeedback(run: CampaignRun, children: CampaignUnits): Promise<void> {
  const { year, registry } = run.input;
  const confirmed = run.review ? await run.review.confirmed() : null;
  if (confirmed) run.matches = mergeDecisions(run.matches, confirmed);
  const sources = {
    matches: run.matches,
    keyRegions: run.keyRegions,
    catalogue: run.catalogueResources,
    registry: run.resources,
  };
  await children.sendFeedback((code) => matchingFeedback(code, sources));
  if (!confirmed) return;
  // Without the labels (a unit unreachable) each demand is named by its id: the feedback still goes out.
  const labels = patched(demandLabelsFromUnits)
    ? await demandLabels({
        year,
        demands: run.matches.matches.map(({ unitCode, demandId }) => ({ unitCode, demandId })),
      }).catch((error: unknown) => {
        if (!(error instanceof ActivityFailure)) throw error;
        return {};
      })
    : {};
  await inWindows(resourceFeedback(year, run.matches, run.catalogueResources, labels, registry), notify);
}
