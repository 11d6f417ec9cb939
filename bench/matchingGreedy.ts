// The baseline the optimiser is compared with: the plain greedy an operator's spreadsheet would do, best
// scoring pair first, with the same pairs, scores, capacities and vetoes, and no fairness rule.
import { demandCount, type MatchingProblem } from '../domain/matching/solver/problem.ts';

export function greedyAssignment(problem: MatchingProblem): { assignment: Int32Array; totalScore: number } {
  const demandOf = new Int32Array(problem.resource.length);
  for (let d = 0; d < demandCount(problem); d++) {
    demandOf.fill(d, problem.start[d] as number, problem.start[d + 1] as number);
  }
  const order = Array.from(problem.resource.keys()).sort(
    (a, b) =>
      (problem.score[b] as number) - (problem.score[a] as number) ||
      (demandOf[a] as number) - (demandOf[b] as number) ||
      (problem.resource[a] as number) - (problem.resource[b] as number),
  );
  const assignment = new Int32Array(demandCount(problem)).fill(-1);
  const left = Int32Array.from(problem.capacity);
  let totalScore = 0;
  for (const k of order) {
    const d = demandOf[k] as number;
    const r = problem.resource[k] as number;
    if ((assignment[d] as number) >= 0 || (left[r] as number) === 0) continue;
    assignment[d] = r;
    left[r] = (left[r] as number) - 1;
    totalScore += problem.score[k] as number;
  }
  return { assignment, totalScore };
}
