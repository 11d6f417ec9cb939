// Who a session is and an operator's account, kept by this replica for `ttlMs` (one lookup in flight per
// session), so that a page under load costs no database round trip per request. Revocation keeps its
// meaning: sign-out, a newer sign-in link, a replaced password or role made through this replica forget
// everything kept at once, and a lookup that began before them is not kept; made elsewhere (another
// replica, `wlx operator add-user`), they take effect here within `ttlMs`, the whole delay the cache adds.
import type { SessionOwner } from '../../infra/webStore/sessions.ts';
import type { OperatorAccount, WebStore } from '../../infra/webStore/store.ts';

/** Past this many entries, the ended ones are swept when a new one is kept. */
const sweepAbove = 10_000;

export function cachedSessions(store: WebStore, ttlMs: number, clock: () => number): WebStore {
  // Revocations are rare: each forgets everything, and the epoch tells a lookup that one happened meanwhile.
  let epoch = 0;
  const maps: Map<string, { answer: Promise<unknown>; until: number }>[] = [];

  function keeper<T>() {
    const kept = new Map<string, { answer: Promise<T>; until: number }>();
    maps.push(kept);
    return (key: string, read: () => Promise<T>): Promise<T> => {
      const now = clock();
      const found = kept.get(key);
      if (found && now < found.until) return found.answer;
      if (kept.size > sweepAbove) for (const [k, e] of kept) if (e.until <= now) kept.delete(k);
      const began = epoch;
      const entry = { answer: read(), until: now + ttlMs };
      kept.set(key, entry);
      const forget = () => {
        if (kept.get(key) === entry) kept.delete(key);
      };
      // Only a live answer is kept, and only if nothing was revoked while it was read.
      entry.answer.then((value) => (value !== null && began === epoch ? undefined : forget()), forget);
      return entry.answer;
    };
  }
  const sessions = keeper<SessionOwner | null>();
  const users = keeper<OperatorAccount | null>();
  const forgetAll = () => {
    epoch += 1;
    for (const kept of maps) kept.clear();
  };
  const revoking =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      forgetAll();
      try {
        return await write(...args);
      } finally {
        forgetAll();
      }
    };

  return {
    ...store,
    useSession: (idHash, now, idleMs) => sessions(idHash, () => store.useSession(idHash, now, idleMs)),
    findUser: (name) => users(name, () => store.findUser(name)),
    revokeSession: revoking(store.revokeSession),
    revokeSessionsOf: revoking(store.revokeSessionsOf),
    putUser: revoking(store.putUser),
  };
}
