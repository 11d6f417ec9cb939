// A bounded pool: many independent async jobs (queries to units, updates in a bench), a few in flight at once.

/** Runs `work` over `items` with at most `width` in flight, each item once; resolves when all are done. */
export async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i] as T, i);
    }),
  );
}
