// Dinic's maximum flow: BFS levels, then blocking flows by depth-first search with current arcs, until the
// sink is cut off. The search is iterative: augmenting paths can be thousands of arcs long.
import type { ArcRows, FlowNetwork } from './flowNetwork.ts';

/** Pushes as much more flow from s to t as the residual network allows; returns how much. */
export function maxFlow(network: FlowNetwork, s: number, t: number): number {
  return blockingFlows(network, network.arcRows(), s, t);
}

/** Maximum flow using only the arcs in `rows` (e.g. the zero-reduced-cost arcs of a min-cost phase). */
export function blockingFlows(network: FlowNetwork, rows: ArcRows, s: number, t: number): number {
  const level = new Int32Array(network.nodeCount);
  const scratch = new Int32Array(network.nodeCount);
  let total = 0;
  while (levels(network, rows, s, t, level, scratch)) total += augment(network, rows, s, t, level, scratch);
  return total;
}

/** Labels nodes by BFS distance over arcs with capacity; stops as soon as t has its label. */
function levels(
  network: FlowNetwork,
  rows: ArcRows,
  s: number,
  t: number,
  level: Int32Array,
  queue: Int32Array,
): boolean {
  const { start, adjacent } = rows;
  const { to, cap } = network;
  level.fill(-1);
  level[s] = 0;
  queue[0] = s;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const u = queue[head] as number;
    const next = (level[u] as number) + 1;
    for (let i = start[u] as number; i < (start[u + 1] as number); i++) {
      const e = adjacent[i] as number;
      const v = to[e] as number;
      if (level[v] !== -1 || (cap[e] as number) <= 0) continue;
      level[v] = next;
      // Nodes labelled after t are as deep as t or deeper: no shortest augmenting path uses them.
      if (v === t) return true;
      queue[tail++] = v;
    }
  }
  return false;
}

function augment(
  network: FlowNetwork,
  rows: ArcRows,
  s: number,
  t: number,
  level: Int32Array,
  path: Int32Array,
): number {
  const { start, adjacent } = rows;
  const { to, cap } = network;
  const current = start.slice(0, network.nodeCount);
  let depth = 0;
  let u = s;
  let total = 0;
  for (;;) {
    if (u === t) {
      let pushed = Number.POSITIVE_INFINITY;
      for (let k = 0; k < depth; k++) pushed = Math.min(pushed, cap[path[k] as number] as number);
      let firstSaturated = -1;
      for (let k = 0; k < depth; k++) {
        const e = path[k] as number;
        cap[e] = (cap[e] as number) - pushed;
        cap[e ^ 1] = (cap[e ^ 1] as number) + pushed;
        if (firstSaturated < 0 && cap[e] === 0) firstSaturated = k;
      }
      total += pushed;
      // Resume from the tail of the first arc this path saturated.
      depth = firstSaturated;
      u = network.tail(path[depth] as number);
      continue;
    }
    let advanced = false;
    for (let i = current[u] as number; i < (start[u + 1] as number); i++) {
      const e = adjacent[i] as number;
      const v = to[e] as number;
      if (level[v] === (level[u] as number) + 1 && (cap[e] as number) > 0) {
        current[u] = i;
        path[depth++] = e;
        u = v;
        advanced = true;
        break;
      }
    }
    if (advanced) continue;
    // Dead end: no augmenting path goes through u in this phase.
    current[u] = start[u + 1] as number;
    level[u] = -1;
    if (depth === 0) return total;
    u = network.tail(path[--depth] as number);
    current[u] = (current[u] as number) + 1;
  }
}
