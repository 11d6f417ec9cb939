import { describe, expect, it } from 'vitest';
import { matchingInstance } from '../../../../bench/matchingInstance.ts';
import { buildInstance } from '../../../../domain/matching/instance.ts';
import { solveMatching } from '../../../../domain/matching/solver/optimiser.ts';
import { improvingTransfers } from '../leximin.ts';

describe('leximin on campaign-sized random instances (2,000 demands x 200 resources)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: no transfer improves a worse-off unit without hurting one at or below it`, () => {
      const { catalogue, demands, pairings } = matchingInstance(2000, 200, seed);
      // Half the capacity, so that units compete and coverages spread. On seed 1 the one-level max-min rule
      // this replaced left 33 improving transfers.
      const tight = {
        resources: catalogue.resources.map((r) => ({ ...r, capacity: Math.ceil(r.capacity / 2) })),
      };
      const { problem } = buildInstance({ catalogue: tight, demands, pairings });
      const solution = solveMatching(problem);
      const shares = [...solution.servable].map((s, p) => (solution.matched[p] as number) / s);
      expect(Math.min(...shares)).toBeLessThan(Math.max(...shares));
      expect(improvingTransfers(problem, solution.assignment, solution.servable)).toEqual([]);
    });
  }
});
