// The replica's session cache over a real web store (PGlite): one lookup per session for its time, and
// revocation kept: at once through this replica, within the cache's time through another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedSessions } from '../../client/web/sessionCache.ts';
import { hashPassword } from '../../infra/webStore/passwords.ts';
import { openWebStore, type WebStore } from '../../infra/webStore/store.ts';

const ttlMs = 1_000;
const idleMs = 3_600_000;
let store: WebStore;

beforeAll(async () => {
  store = await openWebStore('pglite:memory://');
}, 60_000);
afterAll(() => store?.close());

/** The store with its session lookups counted. */
function counted(): { store: WebStore; lookups: () => number } {
  let lookups = 0;
  return {
    store: {
      ...store,
      useSession: (...args) => {
        lookups += 1;
        return store.useSession(...args);
      },
    },
    lookups: () => lookups,
  };
}

let sessions = 0;
async function session(subject: string, kind: 'unit' | 'operator' = 'unit'): Promise<string> {
  const idHash = `session-${++sessions}`;
  await store.saveSession({ idHash, kind, subject, expiresAt: Date.now() + idleMs }, Date.now());
  return idHash;
}

describe('the session cache', () => {
  it('looks a session up once for its time, however many requests ask at once', async () => {
    const clock = { now: 0 };
    const base = counted();
    const cached = cachedSessions(base.store, ttlMs, () => clock.now);
    const id = await session('11');
    const owners = await Promise.all(
      Array.from({ length: 50 }, () => cached.useSession(id, Date.now(), idleMs)),
    );
    expect(owners.every((o) => o?.subject === '11')).toBe(true);
    expect(base.lookups()).toBe(1);
    clock.now += ttlMs;
    await cached.useSession(id, Date.now(), idleMs);
    expect(base.lookups()).toBe(2);
  });

  it('ends a signed-out session on this replica at once, and on another within its time', async () => {
    const clock = { now: 0 };
    const here = cachedSessions(store, ttlMs, () => clock.now);
    const there = cachedSessions(store, ttlMs, () => clock.now);
    const id = await session('12');
    expect(await here.useSession(id, Date.now(), idleMs)).not.toBeNull();
    expect(await there.useSession(id, Date.now(), idleMs)).not.toBeNull();
    await here.revokeSession(id, Date.now());
    expect(await here.useSession(id, Date.now(), idleMs)).toBeNull();
    // The other replica learns it when its entry ends: the delay the cache adds, and no more.
    expect(await there.useSession(id, Date.now(), idleMs)).not.toBeNull();
    clock.now += ttlMs;
    expect(await there.useSession(id, Date.now(), idleMs)).toBeNull();
  });

  it("ends an operator's sessions and forgets the old role at once when the account is replaced here", async () => {
    const clock = { now: 0 };
    const here = cachedSessions(store, ttlMs, () => clock.now);
    const passwordHash = await hashPassword('a password of twelve');
    await here.putUser({ name: 'cache-op', role: 'operator', passwordHash });
    const id = await session('cache-op', 'operator');
    expect(await here.useSession(id, Date.now(), idleMs)).not.toBeNull();
    expect((await here.findUser('cache-op'))?.role).toBe('operator');
    await here.putUser({ name: 'cache-op', role: 'viewer', passwordHash });
    expect(await here.useSession(id, Date.now(), idleMs)).toBeNull();
    expect((await here.findUser('cache-op'))?.role).toBe('viewer');
  });
});
