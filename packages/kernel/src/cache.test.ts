import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache.ts';
import { ManualClock } from './clock.ts';

describe('TtlCache', () => {
  it('forgets entries after their time to live', () => {
    const clock = new ManualClock();
    const cache = new TtlCache<string, number>(clock, 1_000, 10);
    cache.set('a', 1);
    clock.advance(999);
    expect(cache.get('a')).toBe(1);
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
  });

  it('never holds more than its bound, dropping the oldest first', () => {
    const cache = new TtlCache<number, number>(new ManualClock(), 60_000, 3);
    for (let i = 0; i < 10; i += 1) cache.set(i, i);
    expect(cache.size).toBe(3);
    expect([cache.get(6), cache.get(7), cache.get(9)]).toEqual([undefined, 7, 9]);
  });

  it('drops matching entries on demand', () => {
    const cache = new TtlCache<string, { account: string }>(new ManualClock(), 60_000, 10);
    cache.set('t1', { account: 'x' });
    cache.set('t2', { account: 'y' });
    cache.deleteWhere((v) => v.account === 'x');
    expect([cache.get('t1'), cache.get('t2')]).toEqual([undefined, { account: 'y' }]);
  });
});
