// Leximin checks for the fairness tests: comparing coverage vectors, and searching a matching for a transfer
// (one unit gains a match, at most one other loses one) that would make the coverages leximin-better.
import type { MatchingProblem } from '../../../domain/matching/solver/problem.ts';

/** The coverages matched / servable of the units with servable demands, ascending, compared exactly. */
function sortedShares(matched: ArrayLike<number>, servable: ArrayLike<number>): [number, number][] {
  const shares: [number, number][] = [];
  for (let p = 0; p < servable.length; p++)
    if ((servable[p] as number) > 0) shares.push([matched[p] as number, servable[p] as number]);
  return shares.sort((x, y) => x[0] * y[1] - y[0] * x[1]);
}

/** > 0 when `a`'s coverages are leximin-better than `b`'s, < 0 when worse, 0 when the sorted vectors agree. */
export function compareLeximin(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  servable: ArrayLike<number>,
): number {
  const x = sortedShares(a, servable);
  const y = sortedShares(b, servable);
  for (let i = 0; i < x.length; i++) {
    const [m, s] = x[i] as [number, number];
    const [n, t] = y[i] as [number, number];
    const c = m * t - n * s;
    if (c !== 0) return c;
  }
  return 0;
}

export interface Transfer {
  gains: number;
  /** The unit that loses a match, or undefined when the gain costs nobody anything. */
  loses: number | undefined;
}

/**
 * Every transfer the assignment admits that is leximin-better: an alternating path from an unmatched servable
 * demand of unit p, through resources and the demands holding them, either to a free slot (p gains, nobody
 * loses) or to a matched demand of unit q that is dropped (p gains, q loses), all else unchanged.
 */
export function improvingTransfers(
  problem: MatchingProblem,
  assignment: Int32Array,
  servable: ArrayLike<number>,
): Transfer[] {
  const demands = assignment.length;
  const resources = problem.capacity.length;
  const load = new Int32Array(resources);
  const holders: number[][] = Array.from({ length: resources }, () => []);
  const matched = new Int32Array(problem.unitCount);
  assignment.forEach((r, d) => {
    if (r < 0) return;
    load[r] = (load[r] as number) + 1;
    holders[r]?.push(d);
    const p = problem.unitOf[d] as number;
    matched[p] = (matched[p] as number) + 1;
  });
  const found: Transfer[] = [];
  for (let p = 0; p < problem.unitCount; p++) {
    const seenResource = new Uint8Array(resources);
    const seenDemand = new Uint8Array(demands);
    const queue: number[] = [];
    for (let d = 0; d < demands; d++) {
      if (problem.unitOf[d] === p && assignment[d] === -1) {
        seenDemand[d] = 1;
        queue.push(d);
      }
    }
    let free = false;
    const losers = new Set<number>();
    for (let head = 0; head < queue.length; head++) {
      const d = queue[head] as number;
      for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
        const r = problem.resource[k] as number;
        if (seenResource[r] || r === assignment[d] || (problem.capacity[r] as number) === 0) continue;
        seenResource[r] = 1;
        if ((load[r] as number) < (problem.capacity[r] as number)) free = true;
        for (const other of holders[r] ?? []) {
          if (seenDemand[other]) continue;
          seenDemand[other] = 1;
          queue.push(other);
          const q = problem.unitOf[other] as number;
          if (q !== p) losers.add(q);
        }
      }
    }
    const better = (q: number | undefined) => {
      const after = Int32Array.from(matched);
      after[p] = (after[p] as number) + 1;
      if (q !== undefined) after[q] = (after[q] as number) - 1;
      return compareLeximin(after, matched, servable) > 0;
    };
    if (free && better(undefined)) found.push({ gains: p, loses: undefined });
    for (const q of losers) if (better(q)) found.push({ gains: p, loses: q });
  }
  return found;
}
