// The fairness rule (公平规则), leximin over units' coverage: make the worst-served unit's coverage as high as it
// can be, then the next worst, and so on; the optimiser then takes the highest total score among matchings
// that give every unit exactly these counts.
//
// A unit's coverage is matched / servable, where servable counts its flagged demands that have at least one
// allowed resource with capacity. The unit counts a matching can reach are the integer points of a
// polymatroid (a flow from the units), and leximin over coverage is a separable convex objective on them: a
// unit's step from k to k + 1 matches is worth more the lower k / servable is (ties: the larger step first).
// On a polymatroid the greedy algorithm is exact for such objectives: take the steps best first, each one if
// a flow still carries it, and never retry a unit once a step failed (adding matches elsewhere cannot make it
// possible again). Steps are taken in bulk: a binary search finds the highest level t every live unit can
// reach (ceil(t x servable) each, one maximum flow a trial), then the steps exactly at t are tried as one
// maximum flow per step size; at least one unit stops there, so there are at most units + 1 rounds.
import { type DemandGroup, demandGroups } from './demandGroups.ts';
import { maxFlow } from './dinic.ts';
import { FlowNetwork } from './flowNetwork.ts';
import type { MatchingProblem } from './problem.ts';

/** A coverage share, matched / servable, as exact integers. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface FairnessFloors {
  /** Per unit: demands that have at least one pair to a resource with capacity. */
  servable: Int32Array;
  /** Per unit: its matches in the leximin-optimal counts; every optimum gives exactly these. */
  floor: Int32Array;
  /** The worst coverage, floor / servable, in lowest terms; undefined when no unit has a servable demand. */
  worstShare: Fraction | undefined;
}

function lowestTerms({ numerator, denominator }: Fraction): Fraction {
  let [a, b] = [numerator, denominator];
  while (b > 0) [a, b] = [b, a % b];
  return { numerator: numerator / a, denominator: denominator / a };
}

function compare(x: Fraction, y: Fraction): number {
  return x.numerator * y.denominator - y.numerator * x.denominator;
}

/** The distinct shares a / servable[p] of the live units above `above`, ascending. */
function sharesAbove(above: Fraction, units: readonly number[], servable: Int32Array): Fraction[] {
  const shares: Fraction[] = [];
  for (const p of units) {
    const s = servable[p] as number;
    for (let a = Math.max(0, Math.floor((above.numerator * s) / above.denominator)); a <= s; a++) {
      const share = { numerator: a, denominator: s };
      if (compare(share, above) > 0) shares.push(share);
    }
  }
  shares.sort(compare);
  return shares.filter((x, i) => i === 0 || compare(x, shares[i - 1] as Fraction) !== 0);
}

/** The count flow: source -> unit (capacity: its current target) -> group -> resource -> sink. */
class CountFlow {
  readonly network: FlowNetwork;
  private readonly unitArc: number[];
  flow = 0;

  constructor(problem: MatchingProblem, groups: readonly DemandGroup[]) {
    const units = problem.unitCount;
    const resources = problem.capacity.length;
    const pairs = groups.reduce((n, g) => n + g.resources.length, 0);
    const resourceNode = 2 + units + groups.length;
    this.network = new FlowNetwork(resourceNode + resources, units + groups.length + pairs + resources);
    this.unitArc = Array.from({ length: units }, (_, p) => this.network.addEdge(0, 2 + p, 0));
    groups.forEach((group, g) => {
      this.network.addEdge(2 + group.unit, 2 + units + g, group.size);
      for (const r of group.resources) this.network.addEdge(2 + units + g, resourceNode + r, group.size);
    });
    for (let r = 0; r < resources; r++)
      this.network.addEdge(resourceNode + r, 1, problem.capacity[r] as number);
  }

  reached(p: number): number {
    return this.network.flowOn(this.unitArc[p] as number);
  }

  /** Raises the targets and pushes more flow; keeps it and returns true only if every target is met. */
  tryTargets(targets: ReadonlyMap<number, number>): boolean {
    const saved = this.network.snapshot();
    for (const [p, target] of targets) this.network.setCapacity(this.unitArc[p] as number, target);
    const reached = this.flow + maxFlow(this.network, 0, 1);
    let wanted = 0;
    for (let p = 0; p < this.unitArc.length; p++) wanted += targets.get(p) ?? this.reached(p);
    if (reached === wanted) {
      this.flow = reached;
      return true;
    }
    this.network.restore(saved);
    return false;
  }

  /** Raises each unit's target by one, keeps the largest set of raises a flow carries; returns who failed. */
  raiseEach(units: readonly number[]): number[] {
    for (const p of units) this.network.setCapacity(this.unitArc[p] as number, this.reached(p) + 1);
    this.flow += maxFlow(this.network, 0, 1);
    const failed = units.filter((p) => this.network.cap[this.unitArc[p] as number] !== 0);
    for (const p of failed) this.network.setCapacity(this.unitArc[p] as number, this.reached(p));
    return failed;
  }
}

export function fairnessFloors(problem: MatchingProblem): FairnessFloors {
  const groups = demandGroups(problem);
  const servable = new Int32Array(problem.unitCount);
  for (const g of groups) servable[g.unit] = (servable[g.unit] as number) + g.size;
  const counts = new CountFlow(problem, groups);
  let live = [...servable.keys()].filter((p) => (servable[p] as number) > 0);
  if (live.length === 0) return { servable, floor: new Int32Array(problem.unitCount), worstShare: undefined };
  let level: Fraction = { numerator: -1, denominator: 1 };
  while (live.length > 0) {
    level = highestLevel(counts, live, servable, level);
    const stopped = new Set(stepsAt(counts, live, servable, level));
    const still = live.filter((p) => !stopped.has(p) && counts.reached(p) < (servable[p] as number));
    if (still.length === live.length) throw new Error('internal: a leximin round stopped no unit');
    live = still;
  }
  const floor = new Int32Array(problem.unitCount).map((_, p) => counts.reached(p));
  let worst: Fraction | undefined;
  servable.forEach((s, p) => {
    const share = { numerator: floor[p] as number, denominator: s };
    if (s > 0 && (!worst || compare(share, worst) < 0)) worst = share;
  });
  return { servable, floor, worstShare: worst && lowestTerms(worst) };
}

/** The highest share t above `above` such that every live unit can reach ceil(t x servable) at once. */
function highestLevel(counts: CountFlow, live: number[], servable: Int32Array, above: Fraction): Fraction {
  const shares = sharesAbove(above, live, servable);
  const targetsAt = (t: Fraction) =>
    new Map(
      live.map((p) => {
        const atLevel = Math.ceil((t.numerator * (servable[p] as number)) / t.denominator);
        return [p, Math.max(counts.reached(p), atLevel)];
      }),
    );
  // shares[low] is feasible; the first is the lowest step above the level just done, always met.
  let low = 0;
  let high = shares.length - 1;
  if (!counts.tryTargets(targetsAt(shares[0] as Fraction)))
    throw new Error('internal: the lowest level above the last one was not reachable');
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (counts.tryTargets(targetsAt(shares[mid] as Fraction))) low = mid;
    else high = mid - 1;
  }
  return shares[low] as Fraction;
}

/** The steps starting exactly at t (units with t x servable whole and not above it), larger steps first. */
function stepsAt(counts: CountFlow, live: number[], servable: Int32Array, t: Fraction): number[] {
  const at = live.filter((p) => counts.reached(p) * t.denominator === t.numerator * (servable[p] as number));
  const sizes = [...new Set(at.map((p) => servable[p] as number))].sort((a, b) => a - b);
  return sizes.flatMap((s) => counts.raiseEach(at.filter((p) => servable[p] === s && counts.reached(p) < s)));
}
