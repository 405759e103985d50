import type { Clock } from './clock.ts';
import { RateLimitedError } from './errors.ts';

/** Fixed-window counters; shared through Redis when several processes serve one site. */
export interface RateLimiter {
  /** Counts one hit on `key`; throws RateLimitedError (429 + Retry-After) past `limit`. */
  hit(key: string, limit: number, windowMs: number): Promise<void>;
}

interface Window {
  startMs: number;
  count: number;
}

const MAX_TRACKED_KEYS = 100_000;

/** In-process limiter with a bounded key table: past the bound the oldest windows go first. */
export function createMemoryRateLimiter(clock: Clock): RateLimiter {
  const windows = new Map<string, Window>();
  return {
    async hit(key, limit, windowMs) {
      const now = clock.nowMs();
      const startMs = now - (now % windowMs);
      let w = windows.get(key);
      if (!w || w.startMs !== startMs) {
        windows.delete(key);
        if (windows.size >= MAX_TRACKED_KEYS) windows.delete(windows.keys().next().value as string);
        w = { startMs, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count > limit) throw new RateLimitedError((startMs + windowMs - now) / 1000);
    },
  };
}

interface RedisLike {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

// INCR and PEXPIRE in one round trip, atomically, so a crash between them cannot leave a
// counter that never expires.
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

export function createRedisRateLimiter(redis: RedisLike, clock: Clock): RateLimiter {
  return {
    async hit(key, limit, windowMs) {
      const now = clock.nowMs();
      const bucket = `plaza:rl:${key}:${now - (now % windowMs)}`;
      const [count, ttlMs] = (await redis.eval(HIT_SCRIPT, 1, bucket, windowMs)) as [number, number];
      if (count > limit) throw new RateLimitedError(Math.max(ttlMs, 1) / 1000);
    },
  };
}
