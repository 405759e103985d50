import { ManualClock } from '@plaza/kernel';
import { describe, expect, it, vi } from 'vitest';
import { createRefreshingCache, type RefreshingOptions } from './refreshing-cache.ts';

const OPTIONS: RefreshingOptions = { entriesMax: 100, refreshAfterMs: 1_000, ttlMs: 10_000, refreshBatch: 3 };

/** A table of values the test edits behind the cache, and the loads asked of it. */
function source() {
  const values = new Map<string, number>();
  const loads: string[][] = [];
  let gate: Promise<void> | undefined;
  return {
    values,
    loads,
    /** Holds every load until the returned function is called. */
    hold() {
      let open = () => {};
      gate = new Promise((resolve) => {
        open = resolve;
      });
      return () => {
        gate = undefined;
        open();
      };
    },
    async loadMany(keys: string[]) {
      loads.push(keys);
      const seen = new Map(keys.flatMap((k) => (values.has(k) ? [[k, values.get(k) as number]] : [])));
      await gate;
      return seen;
    },
  };
}

/** Lets the background refresh, scheduled with setImmediate, run to its end. */
const backgroundDone = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

function setup(options = OPTIONS) {
  const clock = new ManualClock();
  const db = source();
  const errors: unknown[] = [];
  const cache = createRefreshingCache<number>(options, clock, db.loadMany, (err) => errors.push(err));
  return { clock, db, cache, errors };
}

describe('refreshing cache', () => {
  it('reads each key once while fresh, and remembers keys without a value', async () => {
    const { db, cache } = setup();
    db.values.set('a', 1);
    expect(await cache.getMany(['a', 'gone'])).toEqual(new Map([['a', 1]]));
    expect(await cache.getMany(['a', 'gone'])).toEqual(new Map([['a', 1]]));
    expect(await cache.get('gone')).toBeUndefined();
    expect(db.loads).toEqual([['a', 'gone']]);
  });

  it('answers in the order asked, whichever keys it had to load', async () => {
    const { db, cache } = setup();
    for (const k of ['a', 'b', 'c']) db.values.set(k, 1);
    await cache.get('b');
    expect([...(await cache.getMany(['c', 'b', 'a'])).keys()]).toEqual(['c', 'b', 'a']);
  });

  it('serves an old entry once more while it re-reads it in the background', async () => {
    const { clock, db, cache } = setup();
    db.values.set('a', 1);
    await cache.get('a');
    db.values.set('a', 2);
    clock.advance(OPTIONS.refreshAfterMs);
    expect(await cache.get('a')).toBe(1);
    await backgroundDone();
    expect(db.loads).toEqual([['a'], ['a']]);
    expect(await cache.get('a')).toBe(2);
    expect(db.loads).toHaveLength(2);
  });

  it('re-reads many old keys together, a batch at a time, each once', async () => {
    const { clock, db, cache } = setup();
    const keys = ['a', 'b', 'c', 'd', 'e'];
    for (const k of keys) db.values.set(k, 1);
    await cache.getMany(keys);
    clock.advance(OPTIONS.refreshAfterMs);
    await cache.getMany(keys);
    await cache.getMany(keys);
    await backgroundDone();
    expect(db.loads.slice(1)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('gathers the keys several readers found old into one background load when asked to wait', async () => {
    const { clock, db, cache } = setup({ ...OPTIONS, refreshDelayMs: 5 });
    for (const k of ['a', 'b']) db.values.set(k, 1);
    await cache.getMany(['a', 'b']);
    clock.advance(OPTIONS.refreshAfterMs);
    await cache.get('a');
    await backgroundDone();
    await cache.get('b');
    // Bounded wait for the timer; the assertion is on what was loaded, not on when.
    await vi.waitFor(() => expect(db.loads).toHaveLength(2), { timeout: 5_000, interval: 5 });
    expect(db.loads[1]).toEqual(['a', 'b']);
  });

  it('makes the reader wait once an entry is past its time to live', async () => {
    const { clock, db, cache } = setup();
    db.values.set('a', 1);
    await cache.get('a');
    db.values.set('a', 2);
    clock.advance(OPTIONS.ttlMs);
    expect(await cache.get('a')).toBe(2);
    expect(cache.peek('b')).toBe('missing');
  });

  it('does not keep a load that began before a forget', async () => {
    const { db, cache } = setup();
    db.values.set('a', 1);
    const open = db.hold();
    const reading = cache.get('a');
    cache.forget(['a']);
    db.values.set('a', 2);
    open();
    expect(await reading).toBe(1);
    expect(await cache.get('a')).toBe(2);
  });

  it('forgets the entries a predicate selects', async () => {
    const { db, cache } = setup();
    db.values.set('a', 1);
    db.values.set('b', 2);
    await cache.getMany(['a', 'b']);
    cache.forgetWhere((v) => v === 2);
    expect(cache.peek('a')).toBe(1);
    expect(cache.peek('b')).toBe('missing');
  });

  it('keeps at most entriesMax entries, dropping the one stored longest ago', async () => {
    const { db, cache } = setup({ ...OPTIONS, entriesMax: 2 });
    for (const k of ['a', 'b', 'c']) db.values.set(k, 1);
    await cache.getMany(['a', 'b']);
    await cache.get('c');
    expect(cache.size).toBe(2);
    expect(cache.peek('a')).toBe('missing');
    expect(cache.peek('c')).toBe(1);
  });

  it('reports a failed background read and serves the entry until its time to live', async () => {
    const clock = new ManualClock();
    const errors: unknown[] = [];
    let fail = false;
    const cache = createRefreshingCache<number>(
      OPTIONS,
      clock,
      async (keys) => {
        if (fail) throw new Error('database down');
        return new Map(keys.map((k) => [k, 1]));
      },
      (err) => errors.push(err),
    );
    await cache.get('a');
    fail = true;
    clock.advance(OPTIONS.refreshAfterMs);
    expect(await cache.get('a')).toBe(1);
    await backgroundDone();
    expect(errors).toHaveLength(1);
    expect(await cache.get('a')).toBe(1);
    clock.advance(OPTIONS.ttlMs);
    await expect(cache.get('a')).rejects.toThrow('database down');
  });

  it('refuses a cache without room', () => {
    expect(() =>
      createRefreshingCache(
        { ...OPTIONS, entriesMax: 0 },
        new ManualClock(),
        async () => new Map(),
        () => {},
      ),
    ).toThrow('entriesMax');
  });
});
