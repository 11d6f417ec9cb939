// A matching review at a glance: how many demands stand how, whether it is confirmed. Since
// 'review-by-reference' the campaign holds only this and where the whole review is kept (the document
// store): the decisions, their reasons and alternates grow with the flagged demands, the digest does not.
import type { z } from 'zod';
import type { documentRefSchema } from '../submissions.ts';
import type { MatchDecision, MatchingReview, Stamp } from './review.ts';

export type DecisionStatus = MatchDecision['status'];

export interface ReviewGlance {
  proposed: Stamp;
  /** Demands under review, by where each stands. */
  counts: Record<DecisionStatus, number>;
  pairings: number;
  confirmed: Stamp | null;
}

/** The glance, and the review it was taken of: gzipped JSON in the document store, named by its SHA-256. */
export interface ReviewDigest extends ReviewGlance {
  document: z.infer<typeof documentRefSchema>;
}

/** What an operator's update on the review answers: the review a year holds, or the digest of the one stored. */
export type ReviewAnswer = MatchingReview | ReviewDigest;

/** How many demands stand at each status. */
export function reviewCounts(review: MatchingReview): Record<DecisionStatus, number> {
  const counts: Record<DecisionStatus, number> = { proposed: 0, accepted: 0, overridden: 0, rejected: 0 };
  for (const d of review.decisions) counts[d.status] += 1;
  return counts;
}

export function glanceOf(review: MatchingReview): ReviewGlance {
  return {
    proposed: review.proposed,
    counts: reviewCounts(review),
    pairings: review.pairings.length,
    confirmed: review.confirmed,
  };
}

export const demandsUnderReview = (glance: ReviewGlance) =>
  Object.values(glance.counts).reduce((sum, n) => sum + n, 0);
