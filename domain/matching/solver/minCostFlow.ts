// Primal-dual min-cost flow: Dijkstra on reduced costs gives the cheapest path cost and new potentials, then
// a Dinic maximum flow on the arcs of reduced cost zero pushes every path of that cost at once. It stops at
// the first path cost that is not negative, so the result is the cheapest flow of any value; or, asked for the
// maximum flow, at the first phase the sink is out of reach, so the result is the cheapest maximum flow.
import { blockingFlows } from './dinic.ts';
import type { ArcRows, FlowNetwork } from './flowNetwork.ts';
import { IndexedHeap } from './indexedHeap.ts';

/**
 * From zero flow, the min-cost flow over all flow values (or the min-cost maximum flow). The network must have
 * no cycle of arcs with capacity: the first potentials are shortest distances in that acyclic network.
 */
export function minCostFlow(
  network: FlowNetwork,
  s: number,
  t: number,
  { maximumFlow = false } = {},
): { flow: number; cost: number } {
  const n = network.nodeCount;
  const rows = network.arcRows();
  const pi = initialPotentials(network, rows);
  const dist = new Float64Array(n);
  const heap = new IndexedHeap(n);
  let flow = 0;
  let cost = 0;
  for (;;) {
    const reach = dijkstra(network, rows, pi, s, t, dist, heap);
    if (reach === Number.POSITIVE_INFINITY) break;
    // Capping at the sink's distance keeps every reduced cost non-negative and shortest paths at zero.
    for (let v = 0; v < n; v++) pi[v] = (pi[v] as number) + Math.min(dist[v] as number, reach);
    const pathCost = (pi[t] as number) - (pi[s] as number);
    if (pathCost >= 0 && !maximumFlow) break;
    const pushed = blockingFlows(network, tightArcs(network, rows, pi), s, t);
    flow += pushed;
    cost += pushed * pathCost;
  }
  return { flow, cost };
}

/** Shortest distances over arcs with capacity, as if a zero-cost arc led to every node, so all are finite. */
function initialPotentials(network: FlowNetwork, rows: ArcRows): Float64Array {
  const n = network.nodeCount;
  const { to, cap, cost } = network;
  const indegree = new Int32Array(n);
  for (let e = 0; e < network.arcCount; e++) {
    if ((cap[e] as number) > 0) indegree[to[e] as number] = (indegree[to[e] as number] as number) + 1;
  }
  const order = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v++) if (indegree[v] === 0) order[tail++] = v;
  const pi = new Float64Array(n);
  for (let head = 0; head < tail; head++) {
    const u = order[head] as number;
    for (let i = rows.start[u] as number; i < (rows.start[u + 1] as number); i++) {
      const e = rows.adjacent[i] as number;
      if ((cap[e] as number) <= 0) continue;
      const v = to[e] as number;
      pi[v] = Math.min(pi[v] as number, (pi[u] as number) + (cost[e] as number));
      indegree[v] = (indegree[v] as number) - 1;
      if (indegree[v] === 0) order[tail++] = v;
    }
  }
  if (tail < n) throw new Error('minCostFlow needs a network without cycles of arcs with capacity');
  return pi;
}

/** Dijkstra on reduced costs; stops once t is settled. Returns t's distance (Infinity if unreachable). */
function dijkstra(
  network: FlowNetwork,
  rows: ArcRows,
  pi: Float64Array,
  s: number,
  t: number,
  dist: Float64Array,
  heap: IndexedHeap,
): number {
  const { start, adjacent } = rows;
  const { to, cap, cost } = network;
  dist.fill(Number.POSITIVE_INFINITY);
  dist[s] = 0;
  heap.clear();
  heap.push(s, 0);
  while (!heap.isEmpty) {
    const u = heap.pop();
    if (u === t) break;
    const base = (dist[u] as number) + (pi[u] as number);
    for (let i = start[u] as number; i < (start[u + 1] as number); i++) {
      const e = adjacent[i] as number;
      if ((cap[e] as number) <= 0) continue;
      const v = to[e] as number;
      const d = base + (cost[e] as number) - (pi[v] as number);
      if (d < (dist[v] as number)) {
        dist[v] = d;
        heap.push(v, d);
      }
    }
  }
  return dist[t] as number;
}

/**
 * The arcs of reduced cost zero, in both directions, as their own rows: every cheapest path runs on them,
 * and they are a small part of the network, so each phase's maximum flow scans only them.
 */
function tightArcs(network: FlowNetwork, rows: ArcRows, pi: Float64Array): ArcRows {
  const n = network.nodeCount;
  const { to, cost } = network;
  const start = new Int32Array(n + 1);
  const picked: number[] = [];
  for (let u = 0; u < n; u++) {
    const pu = pi[u] as number;
    for (let i = rows.start[u] as number; i < (rows.start[u + 1] as number); i++) {
      const e = rows.adjacent[i] as number;
      if ((cost[e] as number) + pu - (pi[to[e] as number] as number) === 0) picked.push(e);
    }
    start[u + 1] = picked.length;
  }
  return { start, adjacent: Int32Array.from(picked) };
}
