// The reference the optimiser is checked against: every feasible matching of a small problem, enumerated, the
// leximin-best coverages first, then the best total score.
import type { Fraction } from '../../../domain/matching/solver/fairness.ts';
import type { MatchingProblem } from '../../../domain/matching/solver/problem.ts';
import { compareLeximin } from './leximin.ts';

export interface BruteForceOptimum {
  /** The best worst-unit coverage, as matched / servable of that unit; undefined when no unit is servable. */
  worstShare: Fraction | undefined;
  /** Per unit: matches in a leximin-best matching (others may differ, their sorted coverages do not). */
  matched: number[];
  servable: number[];
  /** The highest total score among the leximin-best matchings. */
  totalScore: number;
}

export function bruteForce(problem: MatchingProblem): BruteForceOptimum {
  const demands = problem.start.length - 1;
  const servable = new Array<number>(problem.unitCount).fill(0);
  for (let d = 0; d < demands; d++) {
    let any = false;
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      if ((problem.capacity[problem.resource[k] as number] as number) > 0) any = true;
    }
    if (any) bump(servable, problem.unitOf[d] as number, 1);
  }
  const load = new Array<number>(problem.capacity.length).fill(0);
  const matched = new Array<number>(problem.unitCount).fill(0);
  let best: BruteForceOptimum | undefined;

  const visit = (d: number, score: number): void => {
    if (d === demands) {
      let worst: Fraction | undefined;
      servable.forEach((s, p) => {
        const m = matched[p] as number;
        if (s > 0 && (!worst || m * worst.denominator < worst.numerator * s))
          worst = { numerator: m, denominator: s };
      });
      const cmp = best ? compareLeximin(matched, best.matched, servable) : 1;
      if (!best || cmp > 0 || (cmp === 0 && score > best.totalScore))
        best = { worstShare: worst, matched: [...matched], servable, totalScore: score };
      return;
    }
    visit(d + 1, score);
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      const r = problem.resource[k] as number;
      if ((load[r] as number) >= (problem.capacity[r] as number)) continue;
      const p = problem.unitOf[d] as number;
      bump(load, r, 1);
      bump(matched, p, 1);
      visit(d + 1, score + (problem.score[k] as number));
      bump(load, r, -1);
      bump(matched, p, -1);
    }
  };
  visit(0, 0);
  return best as BruteForceOptimum;
}

function bump(counts: number[], i: number, by: number): void {
  counts[i] = (counts[i] as number) + by;
}

export function compare(a: Fraction, b: Fraction): number {
  return a.numerator * b.denominator - b.numerator * a.denominator;
}
