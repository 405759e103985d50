import type { Clock } from '@plaza/kernel';
import type { LikedStateProvider } from '../contracts.ts';
import { createRefreshingCache, type RefreshingOptions } from '../refreshing-cache.ts';
import type { LikesStore } from './likes/store.ts';

export interface LikedStateOptions extends RefreshingOptions {
  /** Notes remembered per viewer; past this a viewer's entry starts over with the notes asked. */
  notesPerViewerMax: number;
}

// One entry per reading viewer: the notes of the pages it read lately and whether it likes
// each. This process forgets a viewer's entry after each of its likes and unlikes; refreshing
// ahead bounds how long a like made through another process stays unseen on its cards.
export const DEFAULT_LIKED_STATE: LikedStateOptions = {
  entriesMax: 20_000,
  refreshAfterMs: 10_000,
  ttlMs: 60_000,
  refreshBatch: 8,
  notesPerViewerMax: 400,
};

type Known = ReadonlyMap<string, boolean>;

/**
 * The viewer's likes for cards, from a per-viewer cache: a warm feed page asks nothing of
 * the database; notes not yet known are read in one query and added to the viewer's entry.
 */
export function createLikedState(
  store: Pick<LikesStore, 'likedAmong'>,
  clock: Clock,
  options: LikedStateOptions = DEFAULT_LIKED_STATE,
  onRefreshError: (err: unknown) => void = () => {},
) {
  /** Re-reads the notes an entry covers. */
  async function reread(viewerId: string, known: Known | undefined): Promise<[string, Known][]> {
    if (!known || known.size === 0) return [];
    const ids = [...known.keys()];
    const liked = await store.likedAmong(viewerId, ids);
    return [[viewerId, new Map(ids.map((id) => [id, liked.has(id)]))]];
  }
  const cache = createRefreshingCache<Known>(
    options,
    clock,
    async (viewerIds, previous) =>
      new Map((await Promise.all(viewerIds.map((v) => reread(v, previous.get(v))))).flat()),
    onRefreshError,
  );

  const provider: LikedStateProvider = async (noteIds, viewerId) => {
    const cached = cache.peek(viewerId);
    const known = cached === 'missing' ? undefined : cached;
    const unknown = known ? noteIds.filter((id) => !known.has(id)) : noteIds;
    // The viewer's entry itself: a warm page allocates nothing here.
    if (known && unknown.length === 0) return known;
    const epoch = cache.epoch();
    const liked = await store.likedAmong(viewerId, unknown);
    const roomy = known && known.size + unknown.length <= options.notesPerViewerMax;
    const next = new Map(roomy ? known : undefined);
    if (known && !roomy) for (const id of noteIds) if (known.has(id)) next.set(id, known.get(id) === true);
    for (const id of unknown) next.set(id, liked.has(id));
    cache.put(viewerId, next, epoch);
    return next;
  };

  return {
    provider,
    /** After the viewer liked or unliked something (once it is committed). */
    forget: (viewerId: string) => cache.forget([viewerId]),
    get size() {
      return cache.size;
    },
  };
}

export type LikedState = ReturnType<typeof createLikedState>;
