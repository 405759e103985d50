import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
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
      },
      quit: async () => undefined,
    }),
  };
  return {
    client,
    published,
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
});

const redisUrl = process.env.PLAZA_TEST_REDIS_URL;

/** Calls `step` until it answers true, at most 300 times 10 ms apart; answers whether it did. */
async function eventually(step: () => boolean | Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 300; i += 1) {
    if (await step()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

// A real Redis (CI sets PLAZA_TEST_REDIS_URL): what a dropped connection does is ioredis's and
// the server's behaviour, which no stand-in reproduces.
describe.skipIf(!redisUrl)('invalidations through a real Redis', () => {
  it('after the subscriber connection is killed: every subscriber drops everything, then messages resume', async () => {
    const tag = `plaza-test-${randomBytes(4).toString('hex')}`;
    // The name finds this reader's subscriber among every connection other suites hold.
    const writerRedis = new Redis(redisUrl as string, { lazyConnect: false });
    const readerRedis = new Redis(redisUrl as string, { connectionName: tag });
    const admin = new Redis(redisUrl as string);
    const writer = createRedisInvalidations(writerRedis, fail);
    const reader = createRedisInvalidations(readerRedis, () => undefined);
    const heard: Dropped[] = [];
    // A cache name of this test's own: other suites publish on the same channel.
    reader.subscribe(tag, (keys) => heard.push(keys));
    /** Publishes `key` from the writer and answers whether the reader has heard it yet. */
    const sendAndHeard = (key: string) => {
      writer.publish(tag, [key]);
      return heard.some((keys) => keys !== 'all' && keys.includes(key));
    };
    try {
      expect(await eventually(() => sendAndHeard('before'))).toBe(true);
      expect(heard).not.toContain('all');

      const clients = String(await admin.client('LIST')).split('\n');
      const subscriberIds = clients
        .filter((line) => line.includes(` name=${tag} `) && /\bsub=[1-9]/.test(line))
        .map((line) => /\bid=(\d+)/.exec(line)?.[1]);
      expect(subscriberIds).toHaveLength(1);
      await admin.client('KILL', 'ID', subscriberIds[0] as string);

      // Whatever was published while it was away is lost, so the reader is told to drop all.
      expect(await eventually(() => heard.includes('all'))).toBe(true);
      expect(await eventually(() => sendAndHeard('after'))).toBe(true);
    } finally {
      await Promise.all([writer.close(), reader.close()]);
      for (const client of [writerRedis, readerRedis, admin]) client.disconnect();
    }
  });
});

function fail(err: unknown): never {
  throw err;
}
