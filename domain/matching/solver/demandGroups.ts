// Servable demands of one unit with the same allowed resources are interchangeable when only counts matter,
// so the fairness flows carry them as one node: a few hundred groups instead of thousands of demands.
import { demandCount, type MatchingProblem } from './problem.ts';

export interface DemandGroup {
  unit: number;
  size: number;
  /** The resources with capacity that these demands may use. */
  resources: number[];
}

/** Sets are found by an order-free hash (pairs come ranked by score, not by resource) and then compared. */
export function demandGroups(problem: MatchingProblem): DemandGroup[] {
  const resources = problem.capacity.length;
  const random = new Uint32Array(2 * resources);
  for (let i = 0, x = 0x9e3779b9; i < random.length; i++) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + i;
    random[i] = x >>> 0;
  }
  const stamp = new Int32Array(resources).fill(-1);
  const buckets = new Map<string, DemandGroup[]>();
  const groups: DemandGroup[] = [];
  for (let d = 0; d < demandCount(problem); d++) {
    const list: number[] = [];
    let h1 = 0;
    let h2 = 0;
    for (let k = problem.start[d] as number; k < (problem.start[d + 1] as number); k++) {
      const r = problem.resource[k] as number;
      if ((problem.capacity[r] as number) === 0) continue;
      list.push(r);
      h1 = (h1 + (random[2 * r] as number)) >>> 0;
      h2 = (h2 + (random[2 * r + 1] as number)) >>> 0;
    }
    if (list.length === 0) continue;
    const unit = problem.unitOf[d] as number;
    const key = `${unit}:${list.length}:${h1}:${h2}`;
    for (const r of list) stamp[r] = d;
    const bucket = buckets.get(key);
    const same = bucket?.find((g) => g.resources.every((r) => stamp[r] === d));
    if (same) {
      same.size++;
      continue;
    }
    const group = { unit, size: 1, resources: list };
    if (bucket) bucket.push(group);
    else buckets.set(key, [group]);
    groups.push(group);
  }
  return groups;
}
