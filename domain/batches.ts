// Many small things sent in few messages: a signal per item costs history events on both sides, one per
// group of items stays well under Temporal's 256 kB payload warning.

/** `items` in order, cut into batches of at most `maxBytes` of JSON each (an item larger alone is its own batch). */
export function bySize<T>(items: readonly T[], maxBytes: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (current.length > 0 && bytes + size > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
