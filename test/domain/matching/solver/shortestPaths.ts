// The test oracle for the min-cost flow: successive shortest paths by Bellman-Ford, one unit of flow a path.
// Slow and plain, so that it is easy to trust; right when the network starts without a negative cycle.
export interface Arc {
  from: number;
  to: number;
  capacity: number;
  cost: number;
}

export function cheapestMaximumFlow(nodes: number, arcs: readonly Arc[], s: number, t: number) {
  const residual = arcs.flatMap((a) => [
    { ...a, left: a.capacity },
    { from: a.to, to: a.from, capacity: 0, cost: -a.cost, left: 0 },
  ]);
  let flow = 0;
  let cost = 0;
  for (;;) {
    const dist = new Array<number>(nodes).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(nodes).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < nodes; round++) {
      residual.forEach((e, i) => {
        const d = (dist[e.from] as number) + e.cost;
        if (e.left > 0 && d < (dist[e.to] as number)) {
          dist[e.to] = d;
          via[e.to] = i;
        }
      });
    }
    if (dist[t] === Number.POSITIVE_INFINITY) return { flow, cost };
    for (let v = t; v !== s; v = (residual[via[v] as number] as Arc).from) {
      const i = via[v] as number;
      (residual[i] as { left: number }).left--;
      (residual[i ^ 1] as { left: number }).left++;
    }
    flow++;
    cost += dist[t] as number;
  }
}
