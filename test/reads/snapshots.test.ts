// The read model's rules, on a clock the test moves: one read in flight per key, served as it is while fresh,
// served at once while one refresh runs, waited for past the bound or after an own write, and kept in place
// of a transient failure for a while.
import { describe, expect, it } from 'vitest';
import { snapshots } from '../../reads/snapshots.ts';

const times = { freshMs: 1_000, maxAgeMs: 2_000, keepOnFailureMs: 60_000 };

class Busy extends Error {}

function setup() {
  const clock = { now: 1_000_000 };
  const kept = snapshots(
    times,
    () => clock.now,
    (error) => error instanceof Busy,
  );
  let version = 0;
  let reads = 0;
  /** Each read answers the next version, when released (or at once). */
  const pending: (() => void)[] = [];
  let hold = false;
  const read = () => {
    reads += 1;
    const value = ++version;
    if (!hold) return Promise.resolve(value);
    return new Promise<number>((resolve) => pending.push(() => resolve(value)));
  };
  return {
    clock,
    kept,
    read,
    reads: () => reads,
    hold: (on: boolean) => {
      hold = on;
    },
    release: () => {
      for (const go of pending.splice(0)) go();
    },
  };
}

describe('page snapshots', () => {
  it('serves a fresh snapshot without reading, and many requests share one read', async () => {
    const s = setup();
    s.hold(true);
    const many = Promise.all(Array.from({ length: 200 }, () => s.kept.get('2027/overview', s.read)));
    s.release();
    const answers = await many;
    expect(new Set(answers.map((a) => a.value))).toEqual(new Set([1]));
    expect(s.reads()).toBe(1);
    s.clock.now += 999;
    expect((await s.kept.get('2027/overview', s.read)).value).toBe(1);
    expect(s.reads()).toBe(1);
  });

  it('past the fresh time answers at once with the last and refreshes once; past the bound it waits', async () => {
    const s = setup();
    await s.kept.get('k', s.read);
    s.clock.now += 1_500;
    s.hold(true);
    const first = await s.kept.get('k', s.read); // does not wait for the held read
    const second = await s.kept.get('k', s.read);
    expect([first.value, second.value, s.reads()]).toEqual([1, 1, 2]);
    s.release();
    await Promise.resolve();
    await Promise.resolve();
    expect((await s.kept.get('k', s.read)).value).toBe(2);
    s.clock.now += 2_000;
    const waiting = s.kept.get('k', s.read);
    let settled = false;
    void waiting.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    s.release();
    expect((await waiting).value).toBe(3);
  });

  it("after this replica's write, reads afresh: neither the last snapshot nor a read begun before is served", async () => {
    const s = setup();
    await s.kept.get('2027/unit/11', s.read);
    s.hold(true);
    s.clock.now += 1_500;
    await s.kept.get('2027/unit/11', s.read); // a refresh (version 2) is now in flight, begun before the write
    s.kept.invalidate((key) => key.startsWith('2027/'));
    const after = s.kept.get('2027/unit/11', s.read);
    s.release();
    expect((await after).value).toBe(3);
    expect(s.reads()).toBe(3);
  });

  it('another year is not read afresh by a write to this one', async () => {
    const s = setup();
    await s.kept.get('2028/overview', s.read);
    s.kept.invalidate((key) => key.startsWith('2027/'));
    expect((await s.kept.get('2028/overview', s.read)).value).toBe(1);
    expect(s.reads()).toBe(1);
  });

  it('answers a transient failure with the last snapshot and its time, for a while; other failures are thrown', async () => {
    const s = setup();
    const first = await s.kept.get('k', s.read);
    s.clock.now += 5_000;
    const kept = await s.kept.get('k', () => Promise.reject(new Busy('DEADLINE_EXCEEDED')));
    expect(kept).toEqual(first);
    await expect(s.kept.get('k', () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    s.clock.now += times.keepOnFailureMs;
    await expect(s.kept.get('k', () => Promise.reject(new Busy('late')))).rejects.toThrow('late');
    await expect(s.kept.get('new', () => Promise.reject(new Busy('none kept')))).rejects.toThrow('none kept');
  });
});
