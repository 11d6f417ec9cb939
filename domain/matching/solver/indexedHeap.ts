// A binary min-heap of node ids keyed by distance, with decrease-key: Dijkstra over a few thousand nodes
// without the garbage of a heap of pairs. Ties pop the smaller node id, so runs repeat exactly.

export class IndexedHeap {
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  private readonly key: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
    this.key = new Float64Array(capacity);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** Inserts `node`, or lowers its key if it is already in the heap with a larger one. */
  push(node: number, key: number): void {
    let i = this.position[node] as number;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = node;
      this.position[node] = i;
    } else if (key >= (this.key[node] as number)) {
      return;
    }
    this.key[node] = key;
    this.up(i);
  }

  pop(): number {
    const top = this.heap[0] as number;
    const last = this.heap[--this.size] as number;
    this.position[top] = -1;
    if (this.size > 0) {
      this.heap[0] = last;
      this.position[last] = 0;
      this.down(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.heap[i] as number] = -1;
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a] as number;
    const kb = this.key[b] as number;
    return ka < kb || (ka === kb && a < b);
  }

  private up(i: number): void {
    const node = this.heap[i] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = this.heap[parent] as number;
      if (!this.less(node, above)) break;
      this.heap[i] = above;
      this.position[above] = i;
      i = parent;
    }
    this.heap[i] = node;
    this.position[node] = i;
  }

  private down(i: number): void {
    const node = this.heap[i] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      const right = child + 1;
      if (right < this.size && this.less(this.heap[right] as number, this.heap[child] as number))
        child = right;
      const below = this.heap[child] as number;
      if (!this.less(below, node)) break;
      this.heap[i] = below;
      this.position[below] = i;
      i = child;
    }
    this.heap[i] = node;
    this.position[node] = i;
  }
}
