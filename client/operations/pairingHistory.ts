// Each unit's one-to-one partners over the last years, and this year's as the review stands: what the CLI
// (wlx matching pairings) and the catalogue page show, so that keeping or rotating a partner is decided.
import type { Client } from '@temporalio/client';
import type { Pairing } from '../../domain/matching/instance.ts';
import type { MatchingReview } from '../../domain/matching/review.ts';
import { sdkReads } from '../../infra/temporal/reads.ts';
import { historyOf, type PairingHistory, yearPairings } from '../../reads/pairingHistory.ts';
import { currentReview } from './matchingReview.ts';

/** This year's partners: the review's where there is one (proposed or decided), else those recorded. */
function reviewPairings(review: MatchingReview | null): Pairing[] | null {
  if (!review) return null;
  return review.pairings.flatMap((p) =>
    p.resourceId ? [{ unitCode: p.unitCode, resourceId: p.resourceId }] : [],
  );
}

/** The pairings of `year` and the `span - 1` years before it that had a campaign. */
export async function pairingHistory(client: Client, year: number, span: number): Promise<PairingHistory> {
  const reads = sdkReads(client);
  const past = Array.from({ length: span - 1 }, (_, i) => year - span + 1 + i);
  const byYear = await Promise.all(
    past.map(async (y) => ({ year: y, pairings: await yearPairings(reads, y) })),
  );
  const recorded = await yearPairings(reads, year);
  const current = recorded === null ? null : (reviewPairings(await currentReview(client, year)) ?? recorded);
  return historyOf([...byYear, { year, pairings: current }]);
}
