// The patched() ids of campaignWorkflow, oldest first: each names a behaviour that histories recorded before
// it do not have, and the release that brought it. Each is asked where its branch is, as histories recorded
// it: moving a patched() call, or asking it in another order, breaks the replay of running years.
// The campaign also runs code with patches of its own: the matching review's in
// workflows/matching/matchingReview.ts ('review-by-reference', 0.8.0; 'review-turns', 0.8.1) and the
// windows of mail, signals and child starts in workflows/shared/inWindows.ts ('work-in-windows', 0.5.0).

/** 0.3.0: the campaign proposes matches for the operators' review when matching opens. */
export const proposeAtMatchingStart = 'propose-at-matching-start';
/** 0.4.0: the resource feedback names demands by rows read from the units (the campaign holds ids only). */
export const demandLabelsFromUnits = 'demand-labels-from-units';
/** 0.4.0: a proposal that fails at the start of matching leaves the year running (it failed the campaign). */
export const yearOutlivesFailedProposal = 'year-outlives-failed-proposal';
/** 0.6.0: past `groupSize` reporting units, the units run under one group workflow per province. */
export const unitsInTiers = 'units-in-tiers';
/** 0.7.0: the campaign continues as new as its history grows; its units outlive each run, reached by id. */
export const campaignContinuesAsNew = 'campaign-continues-as-new';
/** 0.8.1: a unit workflow ended outside the campaign no longer fails the year (endedUnits.ts; groups too). */
export const unitsEndedOutside = 'units-ended-outside';
/** 0.12.0: the national totals count Annex 2 only of units whose summary is 已报送 (domain/submittedResults.ts). */
export const resultsOfSubmittedSummaries = 'results-of-submitted-summaries';
