import type { Clock, Invalidations } from '@plaza/kernel';

export interface RefreshingOptions {
  /** Past this many entries the one stored longest ago is dropped. */
  entriesMax: number;
  /**
   * An entry older than this is still served, and re-read in the background for later readers
   * (entries stored together are spread over the second half of this, so they refresh apart).
   */
  refreshAfterMs: number;
  /** An entry older than this is never served: how long another process's change may stay unseen. */
  ttlMs: number;
  /** Keys per background load; at most 20 times this many keys wait for one. */
  refreshBatch: number;
  /**
   * How long keys found old gather before their background load (0: the next turn of the
   * event loop). Old entries are still served meanwhile, so a wait costs nothing but lets one
   * query re-read many keys.
   */
  refreshDelayMs?: number;
}

/** Where a cache's forgets are told to the other processes, and theirs heard. */
export interface SharedForgets {
  /** Absent when this process serves alone: there is no one to tell. */
  invalidations?: Invalidations | undefined;
  /** The cache's name on the channel: the same cache in every process uses the same one. */
  name: string;
}

/**
 * Loads the values of `keys`; a key left out of the answer has no value (and is remembered
 * so). `previous` holds the values stored for them now, whatever their age (a refresh may
 * re-read exactly what an entry covers).
 */
export type LoadMany<V> = (keys: string[], previous: ReadonlyMap<string, V>) => Promise<Map<string, V>>;

interface Entry<V> {
  value: V | undefined;
  storedAtMs: number;
  /** Between half and all of `refreshAfterMs` after storing, so entries stored together refresh apart. */
  refreshAtMs: number;
}

/**
 * A bounded read-through cache that refreshes ahead (stale-while-revalidate): a hot entry
 * past `refreshAfterMs` is served once more while the keys every reader of this turn of the
 * event loop found old are re-read together in the background; only a key never read, past
 * `ttlMs` or forgotten makes its reader wait. Invalidation is the owner's: `forget` after a
 * change, and a load that began before a forget is not stored (it may hold the old value).
 */
export function createRefreshingCache<V>(
  options: RefreshingOptions,
  clock: Clock,
  loadMany: LoadMany<V>,
  onRefreshError: (err: unknown) => void,
  shared?: SharedForgets,
) {
  if (!(options.entriesMax >= 1)) throw new Error(`entriesMax must be at least 1, got ${options.entriesMax}`);
  const entries = new Map<string, Entry<V>>();
  const queued = new Set<string>();
  const queueMax = options.refreshBatch * 20;
  let refreshing = false;
  let epoch = 0;

  function store(key: string, value: V | undefined, loadEpoch: number, storedAtMs: number) {
    if (loadEpoch !== epoch) return;
    entries.delete(key);
    if (entries.size >= options.entriesMax) entries.delete(entries.keys().next().value as string);
    const refreshAtMs = storedAtMs + options.refreshAfterMs * (0.5 + Math.random() / 2);
    entries.set(key, { value, storedAtMs, refreshAtMs });
  }

  async function load(keys: string[]): Promise<Map<string, V>> {
    const loadEpoch = epoch;
    const storedAtMs = clock.nowMs();
    const previous = new Map<string, V>();
    for (const key of keys) {
      const value = entries.get(key)?.value;
      if (value !== undefined) previous.set(key, value);
    }
    const values = await loadMany(keys, previous);
    for (const key of keys) store(key, values.get(key), loadEpoch, storedAtMs);
    return values;
  }

  async function refreshQueued(): Promise<void> {
    try {
      while (queued.size > 0) {
        const batch = [...queued].slice(0, options.refreshBatch);
        for (const key of batch) queued.delete(key);
        await load(batch);
      }
    } catch (err) {
      queued.clear();
      onRefreshError(err);
    } finally {
      refreshing = false;
    }
  }

  function queueRefresh(key: string) {
    if (queued.size >= queueMax) return;
    queued.add(key);
    if (refreshing) return;
    refreshing = true;
    const delayMs = options.refreshDelayMs ?? 0;
    if (delayMs <= 0) setImmediate(() => void refreshQueued());
    // Unreferenced: a pending re-read never keeps a process alive.
    else setTimeout(() => void refreshQueued(), delayMs).unref();
  }

  function dropHere(keys: Iterable<string> | 'all') {
    epoch += 1;
    if (keys === 'all') entries.clear();
    else for (const key of keys) entries.delete(key);
  }
  shared?.invalidations?.subscribe(shared.name, dropHere);

  /** The entry when it may be served (refresh queued when old), or `missing`. */
  function servable(key: string, nowMs: number): Entry<V> | 'missing' {
    const entry = entries.get(key);
    if (!entry) return 'missing';
    if (nowMs - entry.storedAtMs >= options.ttlMs) return 'missing';
    if (nowMs >= entry.refreshAtMs) queueRefresh(key);
    return entry;
  }

  return {
    /** Values of `keys` that have one, in that order; waits for one load of the keys not servable. */
    async getMany(keys: string[]): Promise<Map<string, V>> {
      const nowMs = clock.nowMs();
      const values = new Map<string, V>();
      const missing: string[] = [];
      for (const key of keys) {
        const entry = servable(key, nowMs);
        if (entry === 'missing') missing.push(key);
        else if (entry.value !== undefined) values.set(key, entry.value);
      }
      if (missing.length === 0) return values;
      // Callers may ask for a key twice (two notes of one author); it is read once.
      const loaded = await load(missing.length > 1 ? [...new Set(missing)] : missing);
      // In the order asked, as if every key had been served from the cache.
      const ordered = new Map<string, V>();
      for (const key of keys) {
        const value = values.get(key) ?? loaded.get(key);
        if (value !== undefined) ordered.set(key, value);
      }
      return ordered;
    },
    async get(key: string): Promise<V | undefined> {
      const entry = servable(key, clock.nowMs());
      if (entry !== 'missing') return entry.value;
      return (await load([key])).get(key);
    },
    /**
     * The servable value without loading: `missing` when there is none. `nowMs` lets a caller
     * peeking at many keys read the clock once.
     */
    peek(key: string, nowMs = clock.nowMs()): V | undefined | 'missing' {
      const entry = servable(key, nowMs);
      return entry === 'missing' ? entry : entry.value;
    },
    /** The epoch to hand to `put` for a value read outside `loadMany`. */
    epoch: () => epoch,
    /** Stores a value the owner read itself, unless something was forgotten since `loadEpoch`. */
    put(key: string, value: V, loadEpoch: number) {
      store(key, value, loadEpoch, clock.nowMs());
    },
    /** After a change: drops the keys here and, when shared, in every other process. */
    forget(keys: Iterable<string>) {
      const list = [...keys];
      dropHere(list);
      shared?.invalidations?.publish(shared.name, list);
    },
    /** Drops every entry `matches` selects (a scan: for rare events such as account deletion). */
    forgetWhere(matches: (value: V) => boolean) {
      epoch += 1;
      for (const [key, entry] of entries)
        if (entry.value !== undefined && matches(entry.value)) entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

export type RefreshingCache<V> = ReturnType<typeof createRefreshingCache<V>>;
