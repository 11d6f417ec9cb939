// Min-cost maximum flow by cost scaling (Goldberg–Tarjan push-relabel with ε-scaling). A maximum flow first
// (Dinic), then refinements: each makes the flow ε-optimal (no residual arc's reduced cost below -ε) for an ε
// divided by `alpha` each time. Costs are multiplied by n + 1, so the last ε, 1, is below 1/n of the original
// unit, and a cycle of at most n arcs then cannot cost below zero: the flow is exactly optimal. The number of
// refinements grows with log(n x largest cost), not with how many distinct costs there are, which is what made
// successive shortest paths slow on wide score ranges.
import { maxFlow } from './dinic.ts';
import type { ArcRows, FlowNetwork } from './flowNetwork.ts';

/** How much ε shrinks per refinement: at 5,000 x 500, 3 and 4 took the fewest arc operations, 8 20 % more. */
const alpha = 4;

/** The cheapest maximum flow from s to t, starting from the flow the network holds (zero or any other). */
export function minCostMaxFlow(network: FlowNetwork, s: number, t: number): { flow: number; cost: number } {
  maxFlow(network, s, t);
  optimiseCirculation(network);
  let flow = 0;
  let cost = 0;
  for (let e = 0; e < network.arcCount; e += 2) {
    const f = network.flowOn(e);
    cost += f * (network.cost[e] as number);
    if (network.tail(e) === s) flow += f;
    if (network.to[e] === s) flow -= f;
  }
  return { flow, cost };
}

/** The cheapest flow with the same balance at every node as the one the network holds. */
function optimiseCirculation(network: FlowNetwork): void {
  const scale = network.nodeCount + 1;
  // Scaled in place, not copied: at the pair budget a copy would be another 190 MB.
  const { cost } = network;
  let largest = 0;
  for (let e = 0; e < network.arcCount; e++) {
    cost[e] = (cost[e] as number) * scale;
    largest = Math.max(largest, Math.abs(cost[e] as number));
  }
  const state = new Refinement(network, network.arcRows(), cost);
  // With all prices 0 the flow is `largest`-optimal.
  for (let eps = largest; eps > 1; ) {
    eps = Math.max(1, Math.floor(eps / alpha));
    state.refine(eps);
  }
  for (let e = 0; e < network.arcCount; e++) cost[e] = (cost[e] as number) / scale;
}

class Refinement {
  private readonly price: Float64Array;
  private readonly excess: Float64Array;
  private readonly current: Int32Array;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;

  constructor(
    private readonly network: FlowNetwork,
    private readonly rows: ArcRows,
    private readonly cost: Float64Array,
  ) {
    const n = network.nodeCount;
    this.price = new Float64Array(n);
    this.excess = new Float64Array(n);
    this.current = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.queued = new Uint8Array(n);
  }

  private reduced(e: number, u: number): number {
    return (
      (this.cost[e] as number) +
      (this.price[u] as number) -
      (this.price[this.network.to[e] as number] as number)
    );
  }

  private push(e: number, u: number, amount: number): void {
    const { cap, to } = this.network;
    const v = to[e] as number;
    cap[e] = (cap[e] as number) - amount;
    cap[e ^ 1] = (cap[e ^ 1] as number) + amount;
    this.excess[u] = (this.excess[u] as number) - amount;
    this.excess[v] = (this.excess[v] as number) + amount;
  }

  /** From an (alpha x eps)-optimal flow to an eps-optimal one with the same balances. */
  refine(eps: number): void {
    const { start, adjacent } = this.rows;
    const { cap } = this.network;
    const n = this.network.nodeCount;
    // Saturating every arc of negative reduced cost makes the pseudo-flow 0-optimal; pushes then restore the
    // balances along admissible arcs (reduced cost below 0), relabelling by at least eps when none is left.
    for (let u = 0; u < n; u++) {
      for (let i = start[u] as number; i < (start[u + 1] as number); i++) {
        const e = adjacent[i] as number;
        const c = cap[e] as number;
        if (c > 0 && this.reduced(e, u) < 0) this.push(e, u, c);
      }
    }
    let head = 0;
    let size = 0;
    const enqueue = (v: number) => {
      this.queue[(head + size) % n] = v;
      size++;
      this.queued[v] = 1;
    };
    for (let u = 0; u < n; u++) {
      this.current[u] = start[u] as number;
      if ((this.excess[u] as number) > 0) enqueue(u);
    }
    while (size > 0) {
      const u = this.queue[head] as number;
      head = (head + 1) % n;
      size--;
      this.queued[u] = 0;
      const end = start[u + 1] as number;
      while ((this.excess[u] as number) > 0) {
        if (this.current[u] === end) {
          this.relabel(u, eps);
          continue;
        }
        const e = adjacent[this.current[u] as number] as number;
        const c = cap[e] as number;
        if (c > 0 && this.reduced(e, u) < 0) {
          const v = this.network.to[e] as number;
          this.push(e, u, Math.min(c, this.excess[u] as number));
          if ((this.excess[v] as number) > 0 && !this.queued[v]) enqueue(v);
          if ((cap[e] as number) > 0) continue;
        }
        this.current[u] = (this.current[u] as number) + 1;
      }
    }
  }

  /** Lowers u's price until its cheapest residual arc has reduced cost -eps (a drop of at least eps). */
  private relabel(u: number, eps: number): void {
    const { start, adjacent } = this.rows;
    const { cap, to } = this.network;
    let highest = Number.NEGATIVE_INFINITY;
    for (let i = start[u] as number; i < (start[u + 1] as number); i++) {
      const e = adjacent[i] as number;
      if ((cap[e] as number) <= 0) continue;
      highest = Math.max(highest, (this.price[to[e] as number] as number) - (this.cost[e] as number));
    }
    if (highest === Number.NEGATIVE_INFINITY)
      throw new Error('internal: a node with excess has no residual arc');
    this.price[u] = highest - eps;
    // Scaled costs stay near 2 x 10^14 at the bounds; a price this far out would no longer be exact.
    if (this.price[u] < -Number.MAX_SAFE_INTEGER) throw new Error('internal: a price left the exact range');
    this.current[u] = start[u] as number;
  }
}
