// The fairness rule (公平规则): first make the worst-served unit's coverage as high as it can be, then
// maximise the total score while no unit falls below that coverage.
//
// A unit's coverage is matched / servable, where servable counts its flagged demands that have at least one
// allowed resource with capacity. t* is the largest t such that some feasible matching gives every unit with
// servable demands a coverage of at least t; each unit p is then guaranteed floor[p] = ceil(t* x servable[p])
// matches. t* is one of the fractions a / servable[p], so a binary search over those finds it, each step a
// maximum flow: a matching that meets all floors exists exactly when a flow that sends floor[p] from each
// unit saturates them all (every other limit is an upper bound, so surplus matches can be dropped).
import { maxFlow } from './dinic.ts';
import { FlowNetwork } from './flowNetwork.ts';
import { demandCount, type MatchingProblem } from './problem.ts';

/** A coverage share, matched / servable, as exact integers. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface FairnessFloors {
  /** Per unit: demands that have at least one pair to a resource with capacity. */
  servable: Int32Array;
  floor: Int32Array;
  /** t* in lowest terms; undefined when no unit has a servable demand. */
  worstShare: Fraction | undefined;
}

interface DemandGroup {
  unit: number;
  size: number;
  /** The resources with capacity that these demands may use. */
  resources: number[];
}

/**
 * Servable demands of one unit with the same allowed resources are interchangeable when only counts matter,
 * so the feasibility flows carry them as one node: a few hundred groups instead of thousands of demands.
 * Sets are found by an order-free hash (pairs come ranked by score, not by resource) and then compared.
 */
function demandGroups(problem: MatchingProblem): DemandGroup[] {
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

function floorsAt(t: Fraction, servable: Int32Array): Int32Array {
  return servable.map((s) => Math.ceil((t.numerator * s) / t.denominator));
}

function lowestTerms({ numerator, denominator }: Fraction): Fraction {
  let [a, b] = [numerator, denominator];
  while (b > 0) [a, b] = [b, a % b];
  return { numerator: numerator / a, denominator: denominator / a };
}

/** The distinct candidate values of t*, ascending: every a / servable[p]. */
function candidateShares(servable: Int32Array): Fraction[] {
  const shares: Fraction[] = [];
  for (const s of servable)
    for (let a = 0; a <= s && s > 0; a++) shares.push({ numerator: a, denominator: s });
  const compare = (x: Fraction, y: Fraction) => x.numerator * y.denominator - y.numerator * x.denominator;
  shares.sort(compare);
  return shares.filter((x, i) => i === 0 || compare(x, shares[i - 1] as Fraction) !== 0);
}

export function fairnessFloors(problem: MatchingProblem): FairnessFloors {
  const groups = demandGroups(problem);
  const servable = new Int32Array(problem.unitCount);
  for (const g of groups) servable[g.unit] = (servable[g.unit] as number) + g.size;
  const shares = candidateShares(servable);
  if (shares.length === 0)
    return { servable, floor: new Int32Array(problem.unitCount), worstShare: undefined };
  const units = problem.unitCount;
  const resources = problem.capacity.length;
  const pairs = groups.reduce((n, g) => n + g.resources.length, 0);
  // Nodes: source, sink, units, groups, resources.
  const resourceNode = 2 + units + groups.length;
  const network = new FlowNetwork(resourceNode + resources, units + groups.length + pairs + resources);
  const unitArc = Array.from({ length: units }, (_, p) => network.addEdge(0, 2 + p, 0));
  groups.forEach((group, g) => {
    network.addEdge(2 + group.unit, 2 + units + g, group.size);
    for (const r of group.resources) network.addEdge(2 + units + g, resourceNode + r, group.size);
  });
  for (let r = 0; r < resources; r++) network.addEdge(resourceNode + r, 1, problem.capacity[r] as number);

  // Invariant: shares[low] is feasible and the network holds a flow meeting its floors; floors only rise
  // as t does, so each trial continues from the last feasible flow.
  let low = 0;
  let high = shares.length - 1;
  let flow = 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const floor = floorsAt(shares[mid] as Fraction, servable);
    const saved = network.snapshot();
    unitArc.forEach((arc, p) => {
      network.setCapacity(arc, floor[p] as number);
    });
    const reached = flow + maxFlow(network, 0, 1);
    if (reached === floor.reduce((a, b) => a + b, 0)) {
      low = mid;
      flow = reached;
    } else {
      high = mid - 1;
      network.restore(saved);
    }
  }
  const worstShare = lowestTerms(shares[low] as Fraction);
  return { servable, floor: floorsAt(worstShare, servable), worstShare };
}
