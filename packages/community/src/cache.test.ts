import { describe, expect, it } from 'vitest';
import { createFillCache } from './cache.ts';

function cacheAt(entriesMax: number, ttlMs = 1_000) {
  const clock = { nowMs: 0 };
  const cache = createFillCache<string>({ entriesMax, ttlMs }, { nowMs: () => clock.nowMs });
  return { cache, clock };
}

describe('fill cache', () => {
  it('never holds more than its bound, dropping the oldest entry', () => {
    const { cache } = cacheAt(3);
    for (const key of ['a', 'b', 'c']) cache.set(key, key.toUpperCase(), cache.epoch());
    cache.set('d', 'D', cache.epoch());
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).toEqual(['B', 'C', 'D']);
    for (let i = 0; i < 100; i += 1) cache.set(`k${i}`, 'v', cache.epoch());
    expect(cache.size).toBe(3);
    expect(cache.get('k99')).toBe('v');
    expect(cache.get('k96')).toBeUndefined();
  });

  it('replacing a key keeps one entry for it', () => {
    const { cache } = cacheAt(2);
    cache.set('a', '1', cache.epoch());
    cache.set('a', '2', cache.epoch());
    cache.set('b', '3', cache.epoch());
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe('2');
  });

  it('treats an entry past its time to live as missing, and drops it', () => {
    const { cache, clock } = cacheAt(10, 1_000);
    cache.set('a', 'A', cache.epoch());
    clock.nowMs = 999;
    expect(cache.get('a')).toBe('A');
    clock.nowMs = 1_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops a fill that began before an invalidation, so an old read cannot outlive the change', () => {
    const { cache } = cacheAt(10);
    const before = cache.epoch();
    cache.delete(['a']); // an edit commits while the fill's query is in flight
    cache.set('a', 'old', before);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'new', cache.epoch());
    expect(cache.get('a')).toBe('new');
  });

  it('deletes by key and by predicate', () => {
    const { cache } = cacheAt(10);
    for (const key of ['a1', 'a2', 'b1']) cache.set(key, key[0]!, cache.epoch());
    cache.deleteWhere((v) => v === 'a');
    expect([cache.get('a1'), cache.get('a2'), cache.get('b1')]).toEqual([undefined, undefined, 'b']);
    cache.delete(['b1', 'missing']);
    expect(cache.size).toBe(0);
  });

  it('refuses a bound below one', () => {
    expect(() => createFillCache({ entriesMax: 0, ttlMs: 1 }, { nowMs: () => 0 })).toThrow(/entriesMax/);
  });
});
