import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchingInstance } from '../../../../bench/matchingInstance.ts';
import { withRandomScores } from '../../../../bench/matchingScores.ts';
import { buildInstance } from '../../../../domain/matching/instance.ts';
import { solveMatching } from '../../../../domain/matching/solver/optimiser.ts';
import {
  type MatchingProblem,
  type PairList,
  packProblem,
} from '../../../../domain/matching/solver/problem.ts';
import { mergeIdenticalResources } from '../../../../domain/matching/solver/resourceClasses.ts';
import { bruteForce } from '../bruteForce.ts';
import { compareLeximin, improvingTransfers } from '../leximin.ts';

/** Every resource r of `problem` as copies[r] identical resources (capacities given per copy). */
function withCopies(problem: MatchingProblem, capacities: readonly (readonly number[])[]): MatchingProblem {
  const first: number[] = [];
  capacities.reduce((next, list) => {
    first.push(next);
    return next + list.length;
  }, 0);
  const pairs: PairList[][] = [];
  for (let d = 0; d < problem.start.length - 1; d++) {
    const list: PairList[] = [];
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      const r = problem.resource[k] as number;
      (capacities[r] as number[]).forEach((_, i) => {
        list.push({ resource: (first[r] as number) + i, score: problem.score[k] as number });
      });
    }
    pairs.push(list);
  }
  return packProblem(problem.unitCount, problem.unitOf, capacities.flat(), pairs);
}

/** Up to 6 demands in up to 3 units, over up to 5 resources of at most 3 kinds; scores 1..6 (ties common). */
const copiedProblem = fc
  .record({ units: fc.integer({ min: 1, max: 3 }), kinds: fc.integer({ min: 1, max: 3 }) })
  .chain(({ units, kinds }) =>
    fc.record({
      base: fc.array(
        fc.record({
          unit: fc.integer({ min: 0, max: units - 1 }),
          pairs: fc.uniqueArray(
            fc.record({
              resource: fc.integer({ min: 0, max: kinds - 1 }),
              score: fc.integer({ min: 1, max: 6 }),
            }),
            { maxLength: kinds, selector: (pair) => pair.resource },
          ),
        }),
        { maxLength: 6 },
      ),
      capacities: fc
        .array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }), {
          minLength: kinds,
          maxLength: kinds,
        })
        .filter((lists) => lists.flat().length <= 5),
      units: fc.constant(units),
      kinds: fc.constant(kinds),
    }),
  )
  .map(({ base, capacities, units, kinds }) =>
    withCopies(
      packProblem(
        units,
        base.map((d) => d.unit),
        new Array<number>(kinds).fill(1),
        base.map((d) => d.pairs),
      ),
      capacities,
    ),
  );

describe('interchangeable resources solved as classes', () => {
  it('merges exactly the resources with the same demands at the same scores', () => {
    const problem = packProblem(
      1,
      [0, 0],
      [1, 2, 3, 4],
      [
        [
          { resource: 0, score: 5 },
          { resource: 1, score: 5 },
          { resource: 2, score: 5 },
        ],
        [
          { resource: 0, score: 2 },
          { resource: 1, score: 2 },
          { resource: 2, score: 3 },
          { resource: 3, score: 2 },
        ],
      ],
    );
    const { members, merged } = mergeIdenticalResources(problem);
    expect(members).toEqual([[0, 1], [2], [3]]);
    // Class capacities are summed, and capped at the demands that may use them.
    expect([...merged.capacity]).toEqual([2, 2, 1]);
  });

  it('reaches the brute-force optimum of the resources one by one (leximin counts, then total score)', () => {
    fc.assert(
      fc.property(copiedProblem, (problem) => {
        const solution = solveMatching(problem);
        const reference = bruteForce(problem);
        expect(compareLeximin(solution.matched, reference.matched, reference.servable)).toBe(0);
        expect(solution.totalScore).toBe(reference.totalScore);
        const load = new Array<number>(problem.capacity.length).fill(0);
        for (const r of solution.assignment) if (r >= 0) load[r] = (load[r] as number) + 1;
        load.forEach((n, r) => {
          expect(n).toBeLessThanOrEqual(problem.capacity[r] as number);
        });
        expect(improvingTransfers(problem, solution.assignment, solution.servable)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 600 demands, each slot of 40 resources a resource of its own, solve as the unsplit catalogue`, () => {
      const { catalogue, demands, pairings } = matchingInstance(600, 40, seed);
      const tight = {
        resources: catalogue.resources.map((r) => ({ ...r, capacity: Math.ceil(r.capacity / 2) })),
      };
      // Random scores make every resource's column its own: nothing merges, the solve is the plain one.
      const problem = withRandomScores(
        buildInstance({ catalogue: tight, demands, pairings }).problem,
        1000,
        seed,
      );
      expect(mergeIdenticalResources(problem).members).toHaveLength(problem.capacity.length);
      const slots = [...problem.capacity].map((c) => new Array<number>(c).fill(1));
      const split = withCopies(problem, slots);
      expect(mergeIdenticalResources(split).members).toHaveLength(problem.capacity.length);
      const plain = solveMatching(problem);
      const classes = solveMatching(split);
      expect(classes.totalScore).toBe(plain.totalScore);
      expect([...classes.servable]).toEqual([...plain.servable]);
      expect(compareLeximin(classes.matched, plain.matched, plain.servable)).toBe(0);
      expect(new Set(classes.assignment.filter((r) => r >= 0)).size).toBe(
        classes.assignment.filter((r) => r >= 0).length,
      );
    });
  }
});
