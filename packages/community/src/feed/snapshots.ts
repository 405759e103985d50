import type { Clock, IdGenerator, Logger } from '@plaza/kernel';
import { type DiscoverSource, yieldToEventLoop } from './discover.ts';

export interface Snapshot {
  id: string;
  createdAtMs: number;
  noteIds: string[];
}

/** The part of the feed store snapshots use; an in-memory one stands in for it in tests. */
export interface SnapshotStore {
  insertSnapshot(id: string, createdAtMs: number, noteIds: string[]): Promise<unknown>;
  findSnapshot(id: string): Promise<{ createdAtMs: number; noteIds: string[] } | undefined>;
  latestSnapshot(): Promise<Snapshot | undefined>;
  pruneSnapshots(olderThanMs: number): Promise<unknown>;
}

export interface SnapshotOptions {
  /** A new reader gets a ranking at most this old (unless rebuilding it fails, see `staleMaxMs`). */
  refreshMs: number;
  /**
   * Once the newest ranking is this old, a new one is built in the background while readers
   * keep getting the current one. Below `refreshMs`, so under steady traffic the new ranking
   * is ready before anyone has to wait for it; only the first reader after a quiet spell
   * longer than `refreshMs` waits for a rebuild.
   */
  refreshAheadMs: number;
  /**
   * When a rebuild fails, the previous ranking keeps serving up to this age. Well below
   * `keepMs`, so cursors handed out from it still have hours to live.
   */
  staleMaxMs: number;
  /** After a failed rebuild, the next attempt waits this long: a failing database is not hammered. */
  retryMs: number;
  /** A cursor keeps paging through its ranking for this long; older ones are deleted. */
  keepMs: number;
  /** Entries per ranking: the discover feed ends after this many notes. */
  entriesMax: number;
  /** Rankings held in memory (the rest are read back from the database). */
  cachedMax: number;
}

export const DEFAULT_SNAPSHOT_OPTIONS: SnapshotOptions = {
  refreshMs: 120_000,
  refreshAheadMs: 60_000,
  staleMaxMs: 3_600_000,
  retryMs: 10_000,
  keepMs: 6 * 3_600_000,
  entriesMax: 1_000,
  cachedMax: 16,
};

/**
 * Discover rankings frozen as snapshots. A reader's cursor names its snapshot, so scores that
 * move while they scroll neither repeat nor skip a note. Snapshots live in the database, so
 * any process behind a load balancer can continue any cursor; a few are cached in memory.
 *
 * Rankings are rebuilt off the request path: at most one rebuild runs per process, readers
 * are served the current ranking meanwhile, and a process adopts a fresh enough ranking
 * another process (or itself before a restart) stored instead of ranking again.
 */
export function createSnapshots(
  store: SnapshotStore,
  source: DiscoverSource,
  clock: Clock,
  ids: IdGenerator,
  options: SnapshotOptions,
  logger: Pick<Logger, 'error'>,
) {
  const cache = new Map<string, Snapshot>();
  let latest: Snapshot | undefined;
  let running: Promise<Snapshot> | undefined;
  let failedAtMs = Number.NEGATIVE_INFINITY;

  function remember(snapshot: Snapshot): Snapshot {
    cache.delete(snapshot.id);
    if (cache.size >= options.cachedMax) cache.delete(cache.keys().next().value as string);
    cache.set(snapshot.id, snapshot);
    return snapshot;
  }

  /** Makes `snapshot` the one new readers get, unless a newer one already is. */
  function adopt(snapshot: Snapshot): Snapshot {
    if (!latest || snapshot.createdAtMs >= latest.createdAtMs) latest = snapshot;
    return remember(snapshot);
  }

  async function build(nowMs: number): Promise<Snapshot> {
    const entries = await source.rank(nowMs, options.entriesMax);
    const snapshot: Snapshot = { id: ids.next(), createdAtMs: nowMs, noteIds: entries.map((e) => e.noteId) };
    // Each statement is short; between them, requests queued behind the rebuild are served
    // (on SQLite every statement runs on the event loop).
    await yieldToEventLoop();
    await store.insertSnapshot(snapshot.id, snapshot.createdAtMs, snapshot.noteIds);
    await yieldToEventLoop();
    await store.pruneSnapshots(nowMs - options.keepMs);
    return adopt(snapshot);
  }

  /** A ranking younger than `freshMs`: the newest stored one when it is, else a new one. */
  async function refresh(freshMs: number): Promise<Snapshot> {
    const nowMs = clock.nowMs();
    const stored = await store.latestSnapshot();
    if (stored && nowMs - stored.createdAtMs < freshMs) return adopt(stored);
    await yieldToEventLoop();
    return build(nowMs);
  }

  /** Starts a refresh unless one runs; every caller shares the one that runs. */
  function start(freshMs: number): Promise<Snapshot> {
    running ??= refresh(freshMs)
      .catch((err: unknown) => {
        failedAtMs = clock.nowMs();
        logger.error({ err }, 'discover ranking rebuild failed; the previous ranking keeps serving');
        throw err;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  /** Waits for a ranking; when rebuilding fails, a previous one young enough still serves. */
  async function waitForFresh(nowMs: number): Promise<Snapshot> {
    const age = latest ? nowMs - latest.createdAtMs : Number.POSITIVE_INFINITY;
    const usable = latest && age < options.staleMaxMs ? latest : undefined;
    if (usable && !running && nowMs - failedAtMs < options.retryMs) return usable;
    try {
      return await start(options.refreshMs);
    } catch (err) {
      if (usable) return usable;
      throw err;
    }
  }

  return {
    /**
     * The ranking for a new reader. Past `refreshAheadMs` it is answered at once while a
     * rebuild runs in the background; only past `refreshMs` (or with none at all) does the
     * reader wait, sharing the one rebuild with every concurrent caller.
     */
    async current(): Promise<Snapshot> {
      const nowMs = clock.nowMs();
      if (!latest || nowMs - latest.createdAtMs >= options.refreshMs) return waitForFresh(nowMs);
      if (nowMs - latest.createdAtMs >= options.refreshAheadMs && nowMs - failedAtMs >= options.retryMs) {
        // Logged in start(); the current ranking keeps serving.
        start(options.refreshAheadMs).catch(() => undefined);
      }
      return latest;
    },

    /** A ranking a cursor names, or undefined once it is older than `keepMs`. */
    async byId(id: string): Promise<Snapshot | undefined> {
      const found = cache.get(id) ?? (await store.findSnapshot(id).then((s) => s && { id, ...s }));
      if (!found || clock.nowMs() - found.createdAtMs >= options.keepMs) return undefined;
      return remember(found);
    },

    /** Resolves once no rebuild is running (tests; a shutdown that wants the last one stored). */
    async settled(): Promise<void> {
      await running?.catch(() => undefined);
    },
  };
}

export type Snapshots = ReturnType<typeof createSnapshots>;
