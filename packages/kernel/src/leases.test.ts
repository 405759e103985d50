import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLeases, createRedisLeases, type Leases } from './leases.ts';

const redisUrl = process.env.PLAZA_TEST_REDIS_URL;
// Two connections stand for two processes sharing one Redis.
const redisA = redisUrl ? new Redis(redisUrl) : undefined;
const redisB = redisUrl ? new Redis(redisUrl) : undefined;
afterAll(() => {
  redisA?.disconnect();
  redisB?.disconnect();
});

const failOnError = (err: unknown) => {
  throw err;
};

const pairs: [string, () => [Leases, Leases]][] = [
  [
    'memory (one process)',
    () => {
      const leases = createMemoryLeases();
      return [leases, leases];
    },
  ],
];
if (redisA && redisB)
  pairs.push([
    'redis (two processes)',
    () => [createRedisLeases(redisA, failOnError), createRedisLeases(redisB, failOnError)],
  ]);

describe.each(pairs)('%s leases', (_name, make) => {
  it('gives a key to one holder at a time and frees it on release', async () => {
    const [here, there] = make();
    const key = `test:${randomBytes(6).toString('hex')}`;
    const lease = await here.acquire(key, 60_000);
    expect(lease).toBeDefined();
    expect(await there.acquire(key, 60_000)).toBeUndefined();
    const other = await there.acquire(`${key}:other`, 60_000);
    expect(other).toBeDefined();
    await lease!.release();
    await lease!.release();
    const next = await there.acquire(key, 60_000);
    expect(next).toBeDefined();
    expect(await here.acquire(key, 60_000)).toBeUndefined();
    await next!.release();
    await other!.release();
  });
});

// Runs only with PLAZA_TEST_REDIS_URL (as CI sets it): leases across processes need a real Redis.
describe.runIf(redisA && redisB)('redis leases', () => {
  it('never releases a lease another process took after this one’s expired', async () => {
    const [here, there] = [createRedisLeases(redisA!, failOnError), createRedisLeases(redisB!, failOnError)];
    const key = `test:${randomBytes(6).toString('hex')}`;
    const stale = await here.acquire(key, 60_000);
    // As if it expired: its holder stalled past the TTL and another process took the key.
    await redisA!.del(`plaza:lease:${key}`);
    const taken = await there.acquire(key, 60_000);
    expect(taken).toBeDefined();
    await stale!.release();
    expect(await here.acquire(key, 60_000)).toBeUndefined();
    await taken!.release();
  });
});
