// How much of each resource's yearly capacity the review in hand takes: the demands that go to it if the
// review is confirmed as it stands (proposed, accepted or overridden; a rejected demand goes nowhere).
// The same count the review's override check refuses a full resource by.
import type { CatalogueResource } from './catalogue.ts';
import type { MatchingReview } from './review.ts';

export interface ResourceLoad {
  used: number;
  capacity: number;
  /** Never below 0, though an operator's override may have filled a resource to its capacity. */
  remaining: number;
}

export function resourceLoads(
  resources: readonly CatalogueResource[],
  review: Pick<MatchingReview, 'decisions'> | null,
): Map<string, ResourceLoad> {
  const used = new Map<string, number>();
  for (const d of review?.decisions ?? []) {
    if (d.resourceId !== null) used.set(d.resourceId, (used.get(d.resourceId) ?? 0) + 1);
  }
  return new Map(
    resources.map((r) => {
      const n = used.get(r.id) ?? 0;
      return [r.id, { used: n, capacity: r.capacity, remaining: Math.max(0, r.capacity - n) }];
    }),
  );
}
