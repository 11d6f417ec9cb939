// A flow network on typed arrays: arcs paired with their residual twins (arc e, twin e ^ 1), and rows of
// arcs by tail for fast scans. The solvers are beside it: dinic.ts (maximum flow) and costScaling.ts.
// Costs and capacities are integers well below 2^53, so float costs stay exact.

/** Arcs grouped by tail: node v's arcs are adjacent[start[v]] .. adjacent[start[v + 1] - 1]. */
export interface ArcRows {
  start: Int32Array;
  adjacent: Int32Array;
}

export class FlowNetwork {
  /** Head of each arc. */
  to: Int32Array;
  /** Residual capacity of each arc. */
  cap: Int32Array;
  cost: Float64Array;
  private edges = 0;
  private rows: ArcRows | undefined;

  constructor(
    readonly nodeCount: number,
    expectedEdges = 1024,
  ) {
    this.to = new Int32Array(2 * expectedEdges);
    this.cap = new Int32Array(2 * expectedEdges);
    this.cost = new Float64Array(2 * expectedEdges);
  }

  /** Arcs and twins so far. */
  get arcCount(): number {
    return this.edges;
  }

  /** Adds an arc and its residual twin; returns the arc's id (the twin is id ^ 1). */
  addEdge(from: number, to: number, capacity: number, cost = 0): number {
    if (this.edges + 2 > this.to.length) this.grow();
    const e = this.edges;
    this.to[e] = to;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.to[e + 1] = from;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.edges += 2;
    this.rows = undefined;
    return e;
  }

  tail(arc: number): number {
    return this.to[arc ^ 1] as number;
  }

  flowOn(arc: number): number {
    return this.cap[arc ^ 1] as number;
  }

  /** Changes an arc's capacity, keeping its flow (which must not exceed the new capacity). */
  setCapacity(arc: number, capacity: number): void {
    this.cap[arc] = capacity - this.flowOn(arc);
  }

  /** Residual capacities, to return to after a trial (see restore). */
  snapshot(): Int32Array {
    return this.cap.slice(0, this.edges);
  }

  restore(saved: Int32Array): void {
    this.cap.set(saved);
  }

  /** All arcs by tail, in the order they were added (built once, after the last addEdge). */
  arcRows(): ArcRows {
    if (this.rows) return this.rows;
    const n = this.nodeCount;
    const start = new Int32Array(n + 1);
    for (let e = 0; e < this.edges; e++) start[this.tail(e) + 1] = (start[this.tail(e) + 1] as number) + 1;
    for (let v = 0; v < n; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
    const fill = start.slice(0, n);
    const adjacent = new Int32Array(this.edges);
    for (let e = 0; e < this.edges; e++) {
      const v = this.tail(e);
      adjacent[fill[v] as number] = e;
      fill[v] = (fill[v] as number) + 1;
    }
    this.rows = { start, adjacent };
    return this.rows;
  }

  private grow(): void {
    const size = Math.max(2 * this.to.length, 16);
    const to = new Int32Array(size);
    const cap = new Int32Array(size);
    const cost = new Float64Array(size);
    to.set(this.to);
    cap.set(this.cap);
    cost.set(this.cost);
    this.to = to;
    this.cap = cap;
    this.cost = cost;
  }
}
