import type { Clock, IdGenerator } from '@plaza/kernel';
import type { DiscoverSource } from './discover.ts';
import type { FeedStore } from './store.ts';

export interface Snapshot {
  id: string;
  createdAtMs: number;
  noteIds: string[];
}

export interface SnapshotOptions {
  /** A new reader gets a ranking at most this old. */
  refreshMs: number;
  /** A cursor keeps paging through its ranking for this long; older ones are deleted. */
  keepMs: number;
  /** Entries per ranking: the discover feed ends after this many notes. */
  entriesMax: number;
  /** Rankings held in memory (the rest are read back from the database). */
  cachedMax: number;
}

export const DEFAULT_SNAPSHOT_OPTIONS: SnapshotOptions = {
  refreshMs: 120_000,
  keepMs: 6 * 3_600_000,
  entriesMax: 1_000,
  cachedMax: 16,
};

/**
 * Discover rankings frozen as snapshots. A reader's cursor names its snapshot, so scores that
 * move while they scroll neither repeat nor skip a note. Snapshots live in the database, so
 * any process behind a load balancer can continue any cursor; a few are cached in memory.
 */
export function createSnapshots(
  store: FeedStore,
  source: DiscoverSource,
  clock: Clock,
  ids: IdGenerator,
  options: SnapshotOptions = DEFAULT_SNAPSHOT_OPTIONS,
) {
  const cache = new Map<string, Snapshot>();
  let latest: Snapshot | undefined;
  let building: Promise<Snapshot> | undefined;

  function remember(snapshot: Snapshot): Snapshot {
    cache.delete(snapshot.id);
    if (cache.size >= options.cachedMax) cache.delete(cache.keys().next().value as string);
    cache.set(snapshot.id, snapshot);
    return snapshot;
  }

  async function build(): Promise<Snapshot> {
    const nowMs = clock.nowMs();
    const entries = await source.rank(nowMs, options.entriesMax);
    const snapshot: Snapshot = { id: ids.next(), createdAtMs: nowMs, noteIds: entries.map((e) => e.noteId) };
    await store.insertSnapshot(snapshot.id, snapshot.createdAtMs, snapshot.noteIds);
    await store.pruneSnapshots(nowMs - options.keepMs);
    latest = remember(snapshot);
    return snapshot;
  }

  return {
    /** The newest ranking, rebuilt when older than `refreshMs`; concurrent callers share one build. */
    async current(): Promise<Snapshot> {
      if (latest && clock.nowMs() - latest.createdAtMs < options.refreshMs) return latest;
      building ??= build().finally(() => {
        building = undefined;
      });
      return building;
    },

    /** A ranking a cursor names, or undefined once it is older than `keepMs`. */
    async byId(id: string): Promise<Snapshot | undefined> {
      const found = cache.get(id) ?? (await store.findSnapshot(id).then((s) => s && { id, ...s }));
      if (!found || clock.nowMs() - found.createdAtMs >= options.keepMs) return undefined;
      return remember(found);
    },
  };
}

export type Snapshots = ReturnType<typeof createSnapshots>;
