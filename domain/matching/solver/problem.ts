// The optimiser's input in numbers only: demands, resources and the scored pairs allowed between them.
// Everything the domain knows (categories, regions, conflicts) has already become "which pairs, what score".

export interface MatchingProblem {
  /** Units (provinces and the like) whose coverage the fairness rule compares. */
  unitCount: number;
  /** The unit of each demand. */
  unitOf: Int32Array;
  /** Demands each resource can take. */
  capacity: Int32Array;
  /** Demand d's allowed pairs are start[d] .. start[d+1]-1 of `resource` and `score`. */
  start: Int32Array;
  resource: Int32Array;
  /** Positive integers. */
  score: Int32Array;
}

export interface PairList {
  resource: number;
  score: number;
}

/**
 * Packs per-demand pair lists, ranked best first (higher score, then lower resource index): the ranking is
 * the tie-break everywhere, so that equal inputs give equal answers.
 */
export function packProblem(
  unitCount: number,
  unitOf: ArrayLike<number>,
  capacity: ArrayLike<number>,
  pairs: readonly (readonly PairList[])[],
): MatchingProblem {
  const start = new Int32Array(pairs.length + 1);
  pairs.forEach((list, d) => {
    start[d + 1] = (start[d] as number) + list.length;
  });
  const total = start[pairs.length] as number;
  const resource = new Int32Array(total);
  const score = new Int32Array(total);
  const seen = new Int32Array(capacity.length).fill(-1);
  pairs.forEach((list, d) => {
    const ranked = [...list].sort(byRank);
    ranked.forEach((pair, k) => {
      if (!Number.isInteger(pair.score) || pair.score <= 0)
        throw new Error(`pair scores must be positive integers, not ${pair.score}`);
      if (seen[pair.resource] === d) throw new Error(`demand ${d} lists resource ${pair.resource} twice`);
      seen[pair.resource] = d;
      resource[(start[d] as number) + k] = pair.resource;
      score[(start[d] as number) + k] = pair.score;
    });
  });
  return {
    unitCount,
    unitOf: Int32Array.from(unitOf),
    capacity: Int32Array.from(capacity),
    start,
    resource,
    score,
  };
}

export function byRank(a: PairList, b: PairList): number {
  return b.score - a.score || a.resource - b.resource;
}

export function demandCount(problem: MatchingProblem): number {
  return problem.start.length - 1;
}
