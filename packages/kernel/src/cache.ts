import type { Clock } from './clock.ts';

/**
 * A bounded map whose entries expire: at the bound the oldest entry goes first (Map keeps
 * insertion order, and a `set` re-inserts), so memory never grows past `maxEntries`.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAtMs: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.clock.nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, expiresAtMs: this.clock.nowMs() + this.ttlMs });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches; a full scan, for rare events (log-out everywhere). */
  deleteWhere(predicate: (value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (predicate(entry.value)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What another process says to drop: keys of one named cache, or everything after a gap. */
export type Dropped = readonly string[] | 'all';

/**
 * Cache invalidation between the processes serving one site. A process that changes data
 * drops its own entries and publishes the keys; every other process drops them when the
 * message arrives. Messages can be lost (a dropped connection), so a subscriber is told
 * `'all'` after a gap, and caches keep their own time to live as the last bound.
 */
export interface Invalidations {
  /** Tells the other processes to drop `keys` from the caches named `name`. */
  publish(name: string, keys: Iterable<string>): void;
  /** Runs `drop` when another process published keys of `name` (never for this process's own). */
  subscribe(name: string, drop: (keys: Dropped) => void): () => void;
  close(): Promise<void>;
}

/** One process alone: nothing to tell anyone. */
export const processLocalInvalidations = (): Invalidations => ({
  publish() {},
  subscribe: () => () => {},
  close: async () => {},
});

/** The part of an ioredis client the Redis invalidations use. */
interface RedisLike {
  publish(channel: string, message: string): Promise<unknown>;
  duplicate(): RedisSubscriber;
}
interface RedisSubscriber {
  subscribe(channel: string): Promise<unknown>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  quit(): Promise<unknown>;
}

const INVALIDATION_CHANNEL = 'plaza:cache-invalidations';
// Keys per message: a fan-out to thousands of followers goes out in a few messages of ~20 KB.
const KEYS_PER_MESSAGE = 500;

/**
 * Invalidations through Redis pub/sub: one channel, messages `{o: origin, n: name, k: keys}`.
 * Keys published in one turn of the event loop go out together, one message per cache name
 * (and per 500 keys). A subscriber connection that comes back after a drop tells every
 * subscriber `'all'`: what was published meanwhile is lost.
 */
export function createRedisInvalidations(redis: RedisLike, onError: (err: unknown) => void): Invalidations {
  const origin = `${process.pid}.${Math.random().toString(36).slice(2)}`;
  const drops = new Map<string, Set<(keys: Dropped) => void>>();
  const pending = new Map<string, Set<string>>();
  let connectedOnce = false;
  const subscriber = redis.duplicate();
  // It reconnects by itself; what was lost meanwhile is handled on 'ready'.
  subscriber.on('error', onError);
  subscriber.on('ready', () => {
    if (connectedOnce) for (const set of drops.values()) for (const drop of set) drop('all');
    connectedOnce = true;
  });
  subscriber.on('message', (_channel, message) => {
    try {
      const { o, n, k } = JSON.parse(message) as { o: string; n: string; k: string[] };
      if (o !== origin) for (const drop of drops.get(n) ?? []) drop(k);
    } catch (err) {
      onError(err);
    }
  });
  const subscribed = subscriber.subscribe(INVALIDATION_CHANNEL).catch(onError);

  function flush() {
    for (const [name, keys] of pending) {
      const all = [...keys];
      for (let i = 0; i < all.length; i += KEYS_PER_MESSAGE) {
        const message = JSON.stringify({ o: origin, n: name, k: all.slice(i, i + KEYS_PER_MESSAGE) });
        redis.publish(INVALIDATION_CHANNEL, message).catch(onError);
      }
    }
    pending.clear();
  }

  return {
    publish(name, keys) {
      if (pending.size === 0) setImmediate(flush);
      const set = pending.get(name) ?? new Set<string>();
      for (const key of keys) set.add(key);
      pending.set(name, set);
    },
    subscribe(name, drop) {
      const set = drops.get(name) ?? new Set();
      set.add(drop);
      drops.set(name, set);
      return () => set.delete(drop);
    },
    async close() {
      flush();
      await subscribed;
      await subscriber.quit().catch(() => undefined);
    },
  };
}
