// Candidate pruning that provably keeps every optimum's score and every unit's count.
//
// Take demand d's pairs ranked best first, r1, r2, ... If the capacity of r1..rj exceeds the number of
// OTHER demands that could ever occupy them (at most min(demands - 1, sum of (degree - 1))), then in any
// feasible matching one of r1..rj has a free slot while d sits lower. Moving d there keeps its unit's count,
// the capacities and the vetoes, and does not lower the score. So pairs ranked below rj can go.
// It fires when capacity is plentiful (the usual campaign, a few hundred demands); with scarce capacity it
// keeps everything and the flow does the work.
import { demandCount, type MatchingProblem } from './problem.ts';

/** Drops pairs to resources without capacity, then the pairs the rule above shows no optimum needs. */
export function prunePairs(problem: MatchingProblem): MatchingProblem {
  const demands = demandCount(problem);
  const degree = new Int32Array(problem.capacity.length);
  for (let k = 0; k < problem.resource.length; k++) {
    const r = problem.resource[k] as number;
    if ((problem.capacity[r] as number) > 0) degree[r] = (degree[r] as number) + 1;
  }
  const start = new Int32Array(demands + 1);
  const resource: number[] = [];
  const score: number[] = [];
  for (let d = 0; d < demands; d++) {
    let capacity = 0;
    let others = 0;
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      const r = problem.resource[k] as number;
      if ((problem.capacity[r] as number) === 0) continue;
      resource.push(r);
      score.push(problem.score[k] as number);
      capacity += problem.capacity[r] as number;
      others += (degree[r] as number) - 1;
      if (capacity > Math.min(demands - 1, others)) break;
    }
    start[d + 1] = resource.length;
  }
  return { ...problem, start, resource: Int32Array.from(resource), score: Int32Array.from(score) };
}
