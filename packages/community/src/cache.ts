import { type Clock, TtlCache } from '@plaza/kernel';

/**
 * The kernel's bounded TTL cache, guarded for read-through fills: read paths cache what
 * they read from the database, and invalidation comes from this process (writes, bus events)
 * while the time to live bounds how long another process's change stays unseen.
 */

export interface CacheOptions {
  /** Past this many entries the oldest one is dropped. */
  entriesMax: number;
  /** An entry older than this is treated as missing. */
  ttlMs: number;
}

export interface FillCache<V> {
  /** The value if present and younger than the time to live. */
  get(key: string): V | undefined;
  /** Taken before reading the database for a fill; hand it to `set`. */
  epoch(): number;
  /**
   * Stores a fill read at `epoch`. Dropped when anything was invalidated since: the read may
   * have started before the change committed, and storing it would keep the old value alive.
   */
  set(key: string, value: V, epoch: number): void;
  delete(keys: Iterable<string>): void;
  /** Drops every entry `matches` selects (a scan: for rare events such as account deletion). */
  deleteWhere(matches: (value: V) => boolean): void;
  readonly size: number;
}

export function createFillCache<V>(options: CacheOptions, clock: Clock): FillCache<V> {
  if (!(options.entriesMax >= 1)) throw new Error(`entriesMax must be at least 1, got ${options.entriesMax}`);
  const entries = new TtlCache<string, V>(clock, options.ttlMs, options.entriesMax);
  // Invalidations are rare (edits, profile changes), so one counter for all keys costs a
  // few skipped stores at most and keeps no per-key bookkeeping.
  let epoch = 0;
  return {
    get: (key) => entries.get(key),
    epoch: () => epoch,
    set(key, value, readAt) {
      if (readAt === epoch) entries.set(key, value);
    },
    delete(keys) {
      epoch += 1;
      for (const key of keys) entries.delete(key);
    },
    deleteWhere(matches) {
      epoch += 1;
      entries.deleteWhere(matches);
    },
    get size() {
      return entries.size;
    },
  };
}
