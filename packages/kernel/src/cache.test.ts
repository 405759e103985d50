import { describe, expect, it } from 'vitest';
import { createRedisInvalidations, type Dropped, TtlCache } from './cache.ts';
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

/** An in-memory stand-in for Redis pub/sub: every subscriber of the channel gets every message. */
function fakeRedis() {
  const listeners: ((channel: string, message: string) => void)[] = [];
  const readies: (() => void)[] = [];
  const published: string[] = [];
  const client = {
    async publish(channel: string, message: string) {
      published.push(message);
      for (const listener of listeners) listener(channel, message);
    },
    duplicate: () => ({
      subscribe: async () => undefined,
      on(event: string, listener: never) {
        if (event === 'message') listeners.push(listener);
        if (event === 'ready') readies.push(listener);
      },
      quit: async () => undefined,
    }),
  };
  return {
    client,
    published,
    reconnect: () => {
      for (const ready of readies) ready();
    },
  };
}

describe('invalidations through Redis', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('tells the other processes, not this one, once per turn of the event loop', async () => {
    const redis = fakeRedis();
    const one = createRedisInvalidations(redis.client, fail);
    const two = createRedisInvalidations(redis.client, fail);
    const heard: { by: string; keys: Dropped }[] = [];
    one.subscribe('states', (keys) => heard.push({ by: 'one', keys }));
    two.subscribe('states', (keys) => heard.push({ by: 'two', keys }));
    two.subscribe('heads', (keys) => heard.push({ by: 'two heads', keys }));
    one.publish('states', ['a', 'b']);
    one.publish('states', ['b', 'c']);
    await tick();
    expect(redis.published).toHaveLength(1);
    expect(heard).toEqual([{ by: 'two', keys: ['a', 'b', 'c'] }]);
  });

  it('tells every subscriber to drop everything when its connection comes back', async () => {
    const redis = fakeRedis();
    const process = createRedisInvalidations(redis.client, fail);
    const heard: Dropped[] = [];
    process.subscribe('states', (keys) => heard.push(keys));
    redis.reconnect();
    expect(heard).toEqual([]);
    redis.reconnect();
    expect(heard).toEqual(['all']);
  });
});

function fail(err: unknown): never {
  throw err;
}
