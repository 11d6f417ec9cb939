// The exact optimiser: the leximin unit counts first (fairness.ts), then the highest total score among the
// matchings that give every unit exactly those counts, as one min-cost maximum flow: source -> unit (capacity:
// its count) -> demand -> resource -> sink, a demand's arc to a resource costing minus the pair's score. No
// unit can get more than its count (fairness.ts), so the maximum flow meets every count; no big-M bonus is
// needed, and every cost the flow adds up stays within the scores' own sum. Both stages run on classes of
// interchangeable resources (resourceClasses.ts), split back into resources at the end.

import { minCostMaxFlow } from './costScaling.ts';
import { type FairnessFloors, fairnessFloors } from './fairness.ts';
import { FlowNetwork } from './flowNetwork.ts';
import { demandCount, type MatchingProblem } from './problem.ts';
import { prunePairs } from './prune.ts';
import { mergeIdenticalResources, splitAssignment } from './resourceClasses.ts';
import { settleTiesByScore } from './tiedSwaps.ts';

export interface MatchingSolution extends FairnessFloors {
  /** The resource index given to each demand, or -1. */
  assignment: Int32Array;
  totalScore: number;
  /** Per unit: demands matched. */
  matched: Int32Array;
}

export function solveMatching(problem: MatchingProblem): MatchingSolution {
  const classes = mergeIdenticalResources(problem);
  // Pruning keeps every unit's achievable counts, so the floors can come from either problem.
  const fairness = fairnessFloors(classes.merged);
  const pruned = prunePairs(classes.merged);
  const byClass = maxScoreWithCounts(pruned, fairness.floor, fairness.servable);
  const assignment = splitAssignment(problem, classes, byClass);
  preferHigherRanked(problem, assignment);
  const matched = new Int32Array(problem.unitCount);
  let totalScore = 0;
  for (let d = 0; d < assignment.length; d++) {
    const r = assignment[d] as number;
    if (r < 0) continue;
    const p = problem.unitOf[d] as number;
    matched[p] = (matched[p] as number) + 1;
    totalScore += pairScore(problem, d, r);
  }
  // Trades between tied units may have moved counts: the floors are the counts given.
  return { ...fairness, floor: matched.slice(), assignment, totalScore, matched };
}

function maxScoreWithCounts(problem: MatchingProblem, floor: Int32Array, servable: Int32Array): Int32Array {
  const demands = demandCount(problem);
  const units = problem.unitCount;
  const resources = problem.capacity.length;
  const demandNode = 2 + units;
  const resourceNode = demandNode + demands;
  const network = new FlowNetwork(
    resourceNode + resources,
    units + demands + problem.resource.length + resources,
  );
  const floorArcs: number[] = [];
  for (let p = 0; p < units; p++) floorArcs.push(network.addEdge(0, 2 + p, floor[p] as number));
  const pairArc = new Int32Array(problem.resource.length);
  for (let d = 0; d < demands; d++) {
    if ((problem.start[d + 1] as number) === (problem.start[d] as number)) continue;
    network.addEdge(2 + (problem.unitOf[d] as number), demandNode + d, 1);
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      pairArc[k] = network.addEdge(
        demandNode + d,
        resourceNode + (problem.resource[k] as number),
        1,
        -(problem.score[k] as number),
      );
    }
  }
  for (let r = 0; r < resources; r++) network.addEdge(resourceNode + r, 1, problem.capacity[r] as number);
  minCostMaxFlow(network, 0, 1);
  floorArcs.forEach((arc, p) => {
    if (network.flowOn(arc) !== floor[p])
      throw new Error(`internal: unit ${p} got ${network.flowOn(arc)} of its floor ${floor[p]}`);
  });
  settleTiesByScore(network, floorArcs, servable);
  const assignment = new Int32Array(demands).fill(-1);
  for (let d = 0; d < demands; d++) {
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      if (network.flowOn(pairArc[k] as number) > 0) assignment[d] = problem.resource[k] as number;
    }
  }
  return assignment;
}

function pairScore(problem: MatchingProblem, d: number, r: number): number {
  for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
    if (problem.resource[k] === r) return problem.score[k] as number;
  }
  throw new Error(`internal: demand ${d} was given resource ${r}, which is not among its pairs`);
}

/**
 * Ties: moves each demand to the best-ranked resource of its list that still has room, until none can move.
 * An optimum never has a strictly better free resource, so only equal scores move and the total stays; the
 * explanations rely on it: a demand's better-ranked resources are all full.
 */
function preferHigherRanked(problem: MatchingProblem, assignment: Int32Array): void {
  const load = new Int32Array(problem.capacity.length);
  for (const r of assignment) if (r >= 0) load[r] = (load[r] as number) + 1;
  for (let moved = true; moved; ) {
    moved = false;
    for (let d = 0; d < assignment.length; d++) {
      const current = assignment[d] as number;
      if (current < 0) continue;
      for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
        const r = problem.resource[k] as number;
        if (r === current) break;
        if ((load[r] as number) < (problem.capacity[r] as number)) {
          load[current] = (load[current] as number) - 1;
          load[r] = (load[r] as number) + 1;
          assignment[d] = r;
          moved = true;
          break;
        }
      }
    }
  }
}
