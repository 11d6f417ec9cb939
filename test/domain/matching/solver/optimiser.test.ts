import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMatching } from '../../../../domain/matching/solver/optimiser.ts';
import { type MatchingProblem, packProblem } from '../../../../domain/matching/solver/problem.ts';
import { smallProblem } from '../arbitraries.ts';
import { bruteForce, compare } from '../bruteForce.ts';
import { compareLeximin, improvingTransfers } from '../leximin.ts';

function pairsOf(problem: MatchingProblem, d: number): Map<number, number> {
  const pairs = new Map<number, number>();
  for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
    pairs.set(problem.resource[k] as number, problem.score[k] as number);
  }
  return pairs;
}

describe('the optimiser on small random problems', () => {
  it('reaches the brute-force leximin-best coverages, then the brute-force best total score', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        const solution = solveMatching(problem);
        const reference = bruteForce(problem);
        expect([...solution.servable]).toEqual(reference.servable);
        expect(compareLeximin(solution.matched, reference.matched, reference.servable)).toBe(0);
        expect(solution.totalScore).toBe(reference.totalScore);
        if (reference.worstShare && solution.worstShare)
          expect(compare(solution.worstShare, reference.worstShare)).toBe(0);
        else expect(solution.worstShare).toEqual(reference.worstShare);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives each demand at most one allowed resource and keeps every capacity', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        const { assignment } = solveMatching(problem);
        const load = new Array<number>(problem.capacity.length).fill(0);
        assignment.forEach((r, d) => {
          if (r < 0) return;
          expect(pairsOf(problem, d).has(r)).toBe(true);
          load[r] = (load[r] as number) + 1;
        });
        load.forEach((n, r) => {
          expect(n).toBeLessThanOrEqual(problem.capacity[r] as number);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives every unit exactly its leximin count, at least t* of its servable demands', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        const s = solveMatching(problem);
        s.servable.forEach((servable, p) => {
          expect(s.matched[p]).toBe(s.floor[p]);
          if (servable === 0 || !s.worstShare) return;
          // matched / servable >= t*, in integers.
          const { numerator, denominator } = s.worstShare;
          expect((s.matched[p] as number) * denominator).toBeGreaterThanOrEqual(numerator * servable);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('admits no transfer that improves a worse-off unit without hurting one at or below it', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        const s = solveMatching(problem);
        expect(improvingTransfers(problem, s.assignment, s.servable)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a servable demand unmatched only when every resource it may use is full', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        const { assignment } = solveMatching(problem);
        const load = new Array<number>(problem.capacity.length).fill(0);
        for (const r of assignment) if (r >= 0) load[r] = (load[r] as number) + 1;
        assignment.forEach((r, d) => {
          if (r >= 0) return;
          for (const other of pairsOf(problem, d).keys()) expect(load[other]).toBe(problem.capacity[other]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('ties of the fairness rule', () => {
  it('go to the higher score: two units of one demand each, one slot, either way 0 and 1', () => {
    const problem = packProblem(2, [0, 1], [1], [[{ resource: 0, score: 1 }], [{ resource: 0, score: 2 }]]);
    const solution = solveMatching(problem);
    expect([...solution.assignment]).toEqual([-1, 0]);
    expect(solution.totalScore).toBe(2);
  });
});
