// Interchangeable resources as one: resources that the same demands may use, each at the same score (the same
// categories, regions, conflicts and scoring attributes, none a unit's one-to-one partner), are one class with
// their capacities summed. Any matching of the resources gives one of the classes with the same counts and
// score, and back (fill a class's members in order), so both the leximin counts and the best score are exact
// on classes, and the flows grow with classes x demands rather than resources x demands.
import { demandCount, type MatchingProblem } from './problem.ts';

export interface ResourceClasses {
  /** The problem on classes: class c is resource c of this problem. */
  merged: MatchingProblem;
  /** Per class, its resources, ascending; classes are ordered by their first resource. */
  members: number[][];
}

/**
 * Columns (a resource's demands and scores) are grouped by a hash taken in one pass over the pairs, then
 * checked exactly in a second: every demand lists all of a class or none of it, at one score. A class that
 * fails the check (a hash collision) is split back into its resources. Nothing per pair is allocated.
 */
export function mergeIdenticalResources(problem: MatchingProblem): ResourceClasses {
  const resources = problem.capacity.length;
  const degree = new Int32Array(resources);
  const h1 = new Int32Array(resources).fill(0x811c9dc5);
  const h2 = new Int32Array(resources).fill(0x9e3779b9);
  forEachPair(problem, (d, r, score) => {
    degree[r] = (degree[r] as number) + 1;
    h1[r] = Math.imul((h1[r] as number) ^ d, 0x01000193) ^ score;
    h2[r] = Math.imul((h2[r] as number) ^ score, 0x2c1b3c6d) + d;
  });
  const byKey = new Map<string, number[]>();
  for (let r = 0; r < resources; r++) {
    const key = `${degree[r]}:${h1[r]}:${h2[r]}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const candidates = [...byKey.values()];
  const candidateOf = new Int32Array(resources);
  candidates.forEach((list, c) => {
    for (const r of list) candidateOf[r] = c;
  });
  const broken = brokenCandidates(problem, candidates, candidateOf);
  const members = candidates
    .flatMap((list, c) => (broken.has(c) ? list.map((r) => [r]) : [list]))
    .sort((a, b) => (a[0] as number) - (b[0] as number));
  const classOf = new Int32Array(resources);
  members.forEach((list, c) => {
    for (const r of list) classOf[r] = c;
  });
  if (members.length === resources) return { merged: problem, members };
  const capacity = members.map((list) => {
    const first = list[0] as number;
    const total = list.reduce((sum, r) => sum + (problem.capacity[r] as number), 0);
    // No class takes more demands than list it; the cap keeps a sum of large capacities within 32 bits.
    return Math.min(total, degree[first] as number);
  });
  // Only each class's first resource keeps its pairs; as classes are ordered by it, the ranking stays.
  const kept = (r: number) => members[classOf[r] as number]?.[0] === r;
  let pairs = 0;
  for (const r of problem.resource) if (kept(r)) pairs++;
  const start = new Int32Array(problem.start.length);
  const resource = new Int32Array(pairs);
  const score = new Int32Array(pairs);
  let next = 0;
  for (let d = 0; d < demandCount(problem); d++) {
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      const r = problem.resource[k] as number;
      if (!kept(r)) continue;
      resource[next] = classOf[r] as number;
      score[next++] = problem.score[k] as number;
    }
    start[d + 1] = next;
  }
  return {
    merged: {
      ...problem,
      capacity: Int32Array.from(capacity),
      start,
      resource,
      score,
    },
    members,
  };
}

/** From demands given classes to demands given resources: each class's members filled in order. */
export function splitAssignment(
  problem: MatchingProblem,
  { members }: ResourceClasses,
  byClass: Int32Array,
): Int32Array {
  const next = new Int32Array(members.length);
  const used = new Int32Array(problem.capacity.length);
  return byClass.map((c) => {
    if (c < 0) return -1;
    const list = members[c] as number[];
    let i = next[c] as number;
    while ((used[list[i] as number] as number) >= (problem.capacity[list[i] as number] as number)) i++;
    next[c] = i;
    const r = list[i] as number;
    used[r] = (used[r] as number) + 1;
    return r;
  });
}

function forEachPair(problem: MatchingProblem, visit: (d: number, r: number, score: number) => void): void {
  for (let d = 0; d < demandCount(problem); d++) {
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++)
      visit(d, problem.resource[k] as number, problem.score[k] as number);
  }
}

/** The candidate classes some demand lists only in part, or at more than one score. */
function brokenCandidates(
  problem: MatchingProblem,
  candidates: readonly number[][],
  candidateOf: Int32Array,
): Set<number> {
  const broken = new Set<number>();
  const seen = new Int32Array(candidates.length);
  const scoreSeen = new Int32Array(candidates.length);
  for (let d = 0; d < demandCount(problem); d++) {
    const touched: number[] = [];
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      const c = candidateOf[problem.resource[k] as number] as number;
      if ((candidates[c] as number[]).length === 1) continue;
      if (seen[c] === 0) {
        touched.push(c);
        scoreSeen[c] = problem.score[k] as number;
      } else if (scoreSeen[c] !== problem.score[k]) broken.add(c);
      seen[c] = (seen[c] as number) + 1;
    }
    for (const c of touched) {
      if (seen[c] !== (candidates[c] as number[]).length) broken.add(c);
      seen[c] = 0;
    }
  }
  return broken;
}
