// The limits of the numbers the solver keeps, checked where the numbers come in (the catalogue, the weights),
// so that the solver never sees a value it would wrap or round.

/** Capacities live in the solver's Int32Array arcs; a larger one would wrap (2^31 behaves as 0). */
export const maxCapacity = 2 ** 31 - 1;

/**
 * Each score weight. A pair scores at most 6 weights plus 10 keyword hits, 1.6 x 10^7, which fits the solver's
 * Int32Array scores; a whole proposal's score and the flow's path costs stay below 2^53 (exact in a double)
 * up to 5 x 10^8 demands.
 */
export const maxWeight = 1_000_000;

/** The accepted codes, for messages that say what would be accepted. */
export function oneOf(values: readonly string[]): string {
  return values.join(', ');
}

/**
 * Candidate pairs (a demand and a resource offering its category in its region, vetoed ones included) one
 * proposal may hold. Each costs about 80 bytes across the instance, the pruned copy and the flow network: a
 * dense 6,000 x 2,000 proposal (12 M pairs) peaked at 0.91 GB RSS. Beyond a few times this, V8's heap limit
 * would abort the worker with nothing thrown.
 */
export const maxCandidatePairs = 12_000_000;
