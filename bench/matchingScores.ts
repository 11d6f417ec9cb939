// Random pair scores fed to the solver directly, bypassing scoring.ts (whose weights give at most 176 distinct
// pair scores): the instance's pairs kept, each given a seeded score from 1 to `highest`.
import { byRank, type MatchingProblem, packProblem } from '../domain/matching/solver/problem.ts';
import { seededRandom } from './matchingInstance.ts';

export function withRandomScores(problem: MatchingProblem, highest: number, seed: number): MatchingProblem {
  const random = seededRandom(seed);
  const pairs = Array.from({ length: problem.start.length - 1 }, (_, d) => {
    const list = [];
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++)
      list.push({ resource: problem.resource[k] as number, score: 1 + Math.floor(random() * highest) });
    return list.sort(byRank);
  });
  return packProblem(problem.unitCount, problem.unitOf, problem.capacity, pairs);
}
