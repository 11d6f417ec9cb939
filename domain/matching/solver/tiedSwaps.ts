// Ties of the fairness rule, settled by score. Leximin fixes the sorted coverages, not always which unit holds
// which: units p and q with the same servable count, q one match ahead, can trade places (p gains a match, q
// loses one) and every coverage in the sorted list stays where it was. That is the only move that keeps the
// leximin value, and the best score as a function of the unit counts is M-convex, so when no such trade raises
// the score, none of the leximin-optimal count vectors scores higher: the result is exact.
import type { FlowNetwork } from './flowNetwork.ts';

/**
 * Trades matches between tied units while that raises the total score. The network holds a min-cost flow from
 * node 0 whose arc `unitArc[p]` carries unit p's count (node 2 + p); each trade pushes one unit of flow along
 * the cheapest residual path from p to q, which keeps the flow min-cost for the new counts.
 */
export function settleTiesByScore(
  network: FlowNetwork,
  unitArc: readonly number[],
  servable: Int32Array,
): void {
  const count = unitArc.map((arc) => network.flowOn(arc));
  const tiedAhead = (p: number) =>
    unitArc.flatMap((_, q) =>
      servable[q] === servable[p] && count[q] === (count[p] as number) + 1 ? [q] : [],
    );
  for (let traded = true; traded; ) {
    traded = false;
    for (let p = 0; p < unitArc.length; p++) {
      const ahead = tiedAhead(p);
      if (ahead.length === 0) continue;
      // One search from p prices the trade with every tied unit ahead of it; take the best.
      const paths = cheapestPaths(network, 2 + p);
      const q = ahead.reduce((best, q) =>
        (paths.dist[2 + q] as number) < (paths.dist[2 + best] as number) ? q : best,
      );
      if (!((paths.dist[2 + q] as number) < 0)) continue;
      network.setCapacity(unitArc[p] as number, (count[p] as number) + 1);
      for (const e of [unitArc[p] as number, ...paths.arcsTo(2 + q), (unitArc[q] as number) ^ 1]) {
        network.cap[e] = (network.cap[e] as number) - 1;
        network.cap[e ^ 1] = (network.cap[e ^ 1] as number) + 1;
      }
      network.setCapacity(unitArc[q] as number, (count[q] as number) - 1);
      count[p] = (count[p] as number) + 1;
      count[q] = (count[q] as number) - 1;
      traded = true;
    }
  }
}

/**
 * The cheapest residual paths from `from` to every node, avoiding the source (node 0). Bellman-Ford by queue:
 * costs may be negative, cycles may not (the flow is min-cost).
 */
function cheapestPaths(
  network: FlowNetwork,
  from: number,
): { dist: Float64Array; arcsTo: (node: number) => number[] } {
  const n = network.nodeCount;
  const { start, adjacent } = network.arcRows();
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const via = new Int32Array(n).fill(-1);
  const queued = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let size = 1;
  queue[0] = from;
  dist[from] = 0;
  queued[from] = 1;
  while (size > 0) {
    const u = queue[head] as number;
    head = (head + 1) % n;
    size--;
    queued[u] = 0;
    for (let i = start[u] as number; i < (start[u + 1] as number); i++) {
      const e = adjacent[i] as number;
      const v = network.to[e] as number;
      if (v === 0 || (network.cap[e] as number) <= 0) continue;
      const d = (dist[u] as number) + (network.cost[e] as number);
      if (d >= (dist[v] as number)) continue;
      dist[v] = d;
      via[v] = e;
      if (!queued[v]) {
        queue[(head + size) % n] = v;
        size++;
        queued[v] = 1;
      }
    }
  }
  const arcsTo = (node: number) => {
    const path: number[] = [];
    for (let v = node; v !== from; v = network.tail(via[v] as number)) path.push(via[v] as number);
    return path.reverse();
  };
  return { dist, arcsTo };
}
