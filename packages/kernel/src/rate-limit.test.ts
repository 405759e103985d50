import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { RateLimitedError } from './errors.ts';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from './rate-limit.ts';

const redisUrl = process.env.PLAZA_TEST_REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl) : undefined;
afterAll(() => redis?.disconnect());

const limiters: [string, (clock: ManualClock) => RateLimiter][] = [
  ['memory', (clock) => createMemoryRateLimiter(clock)],
];
if (redis) limiters.push(['redis', (clock) => createRedisRateLimiter(redis, clock)]);

describe.each(limiters)('%s rate limiter', (_name, make) => {
  it('allows the limit, refuses the next with a Retry-After, and opens again in the next window', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1, 0, 0, 0) + Math.floor(Math.random() * 1e6) * 60_000);
    const limiter = make(clock);
    const key = `test:${Math.random()}`;
    for (let i = 0; i < 3; i += 1) await limiter.hit(key, 3, 60_000);
    clock.advance(20_000);
    const refused = await limiter.hit(key, 3, 60_000).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(RateLimitedError);
    const retryAfter = Number((refused as RateLimitedError).headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    clock.advance(60_000);
    await expect(limiter.hit(key, 3, 60_000)).resolves.toBeUndefined();
  });
});
