import { randomBytes } from 'node:crypto';

/** A held lease; `release` is safe to call more than once. */
export interface Lease {
  release(): Promise<void>;
}

/**
 * One holder at a time per key: across every process through Redis when PLAZA_REDIS_URL is
 * set, else within this process only. A Redis lease expires `ttlMs` after its last renewal,
 * so a process that dies holding one blocks the key for at most that long; the holder renews
 * it every third of `ttlMs` while it lives.
 */
export interface Leases {
  /** The lease, or undefined when someone else holds the key. */
  acquire(key: string, ttlMs: number): Promise<Lease | undefined>;
}

export function createMemoryLeases(): Leases {
  const held = new Set<string>();
  return {
    async acquire(key) {
      if (held.has(key)) return undefined;
      held.add(key);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          held.delete(key);
        },
      };
    },
  };
}

interface RedisLike {
  set(key: string, value: string, px: 'PX', ttlMs: number, nx: 'NX'): Promise<string | null>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

// Renew and release only while the key still holds this holder's token: a lease that expired
// and was taken by another process is never extended or deleted by the old holder.
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createRedisLeases(redis: RedisLike, onError: (err: unknown) => void): Leases {
  return {
    async acquire(key, ttlMs) {
      const name = `plaza:lease:${key}`;
      const token = randomBytes(16).toString('hex');
      if ((await redis.set(name, token, 'PX', ttlMs, 'NX')) !== 'OK') return undefined;
      const renewal = setInterval(
        () => {
          redis.eval(RENEW_SCRIPT, 1, name, token, ttlMs).catch(onError);
        },
        Math.max(1, Math.floor(ttlMs / 3)),
      );
      renewal.unref();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          clearInterval(renewal);
          await redis.eval(RELEASE_SCRIPT, 1, name, token);
        },
      };
    },
  };
}
