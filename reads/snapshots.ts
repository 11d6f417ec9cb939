// What a replica last read from Temporal, shared by every request: one read in flight per key (single flight),
// served as it is while fresh, served at once while one refresh runs once it is older, waited for past the
// bound or after this replica's own write, and kept for a while to answer when Temporal times out under load.
// Each answer carries when its read began, so a page can say how current it is.

export interface Snapshot<T> {
  value: T;
  /** When the read that produced it began (epoch ms): it holds at least what was true then. */
  readAt: number;
}

export interface SnapshotTimes {
  /** Served as it is. */
  freshMs: number;
  /** Served while one refresh runs; past this a request waits for the refresh. */
  maxAgeMs: number;
  /** Served in place of a transient failure (a timeout, Temporal unreachable), its age shown. */
  keepOnFailureMs: number;
}

export const pageSnapshotTimes: SnapshotTimes = { freshMs: 1_000, maxAgeMs: 2_000, keepOnFailureMs: 60_000 };

interface Entry<T> {
  last?: Snapshot<T>;
  /** The read that produced `last`, by sequence number. */
  lastSeq: number;
  /** Reads that began before this (sequence number) may not hold this replica's latest write. */
  validFrom: number;
  flight?: { seq: number; answer: Promise<Snapshot<T>> };
}

export interface Snapshots {
  get<T>(key: string, read: () => Promise<T>): Promise<Snapshot<T>>;
  /** After a write: every key `affected` accepts is read afresh before it is served again. */
  invalidate(affected: (key: string) => boolean): void;
}

export function snapshots(
  times: SnapshotTimes,
  clock: () => number,
  transient: (error: unknown) => boolean,
): Snapshots {
  const entries = new Map<string, Entry<unknown>>();
  let seq = 0;

  function refresh<T>(entry: Entry<T>, read: () => Promise<T>): Promise<Snapshot<T>> {
    const mine = ++seq;
    const readAt = clock();
    const answer = read().then((value) => {
      const snapshot = { value, readAt };
      // A slower read that began earlier never replaces a newer one.
      if (mine > entry.lastSeq) Object.assign(entry, { last: snapshot, lastSeq: mine });
      return snapshot;
    });
    const flight = { seq: mine, answer };
    entry.flight = flight;
    const land = () => {
      if (entry.flight === flight) delete entry.flight;
    };
    answer.then(land, land);
    return answer;
  }

  return {
    async get<T>(key: string, read: () => Promise<T>): Promise<Snapshot<T>> {
      let entry = entries.get(key) as Entry<T> | undefined;
      if (!entry) {
        entry = { lastSeq: 0, validFrom: 0 };
        entries.set(key, entry as Entry<unknown>);
      }
      const { last } = entry;
      const valid = last !== undefined && entry.lastSeq >= entry.validFrom;
      const age = last ? clock() - last.readAt : Number.POSITIVE_INFINITY;
      if (valid && age < times.freshMs) return last;
      const flying = entry.flight && entry.flight.seq >= entry.validFrom ? entry.flight.answer : undefined;
      const answer = flying ?? refresh(entry, read);
      if (valid && age < times.maxAgeMs) {
        answer.catch(() => {}); // the next request sees the failure, or the kept snapshot
        return last;
      }
      try {
        return await answer;
      } catch (error) {
        const kept = entry.last;
        if (kept && transient(error) && clock() - kept.readAt <= times.keepOnFailureMs) return kept;
        throw error;
      }
    },
    invalidate(affected) {
      for (const [key, entry] of entries) if (affected(key)) entry.validFrom = seq + 1;
    },
  };
}
