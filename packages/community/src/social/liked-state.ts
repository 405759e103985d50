import type { Clock, Invalidations } from '@plaza/kernel';
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
  // Up to 10 × 400 notes in one re-read query.
  refreshBatch: 10,
  refreshDelayMs: 200,
  notesPerViewerMax: 400,
};

type Known = ReadonlyMap<string, boolean>;

function knowsAll(known: Known, noteIds: string[]): boolean {
  for (const id of noteIds) if (!known.has(id)) return false;
  return true;
}

/**
 * The viewer's likes for cards, from a per-viewer cache: a warm feed page asks nothing of
 * the database; notes not yet known are read in one query and added to the viewer's entry.
 */
export function createLikedState(
  store: Pick<LikesStore, 'likedAmong' | 'likedAmongMany'>,
  clock: Clock,
  options: LikedStateOptions = DEFAULT_LIKED_STATE,
  onRefreshError: (err: unknown) => void = () => {},
  /** Likes made through other processes arrive here at once when given. */
  invalidations?: Invalidations,
) {
  /** Re-reads the notes each entry covers, for a batch of viewers in one query. */
  async function reread(
    viewerIds: string[],
    previous: ReadonlyMap<string, Known>,
  ): Promise<Map<string, Known>> {
    const asks = viewerIds.flatMap((accountId) => {
      const known = previous.get(accountId);
      return known && known.size > 0 ? [{ accountId, noteIds: [...known.keys()] }] : [];
    });
    const liked = await store.likedAmongMany(asks);
    return new Map(
      asks.map(({ accountId, noteIds }): [string, Known] => {
        const mine = liked.get(accountId);
        return [accountId, new Map(noteIds.map((id) => [id, mine?.has(id) === true]))];
      }),
    );
  }
  const cache = createRefreshingCache<Known>(options, clock, reread, onRefreshError, {
    invalidations,
    name: 'liked-state',
  });

  const provider: LikedStateProvider = async (noteIds, viewerId) => {
    const cached = cache.peek(viewerId);
    const known = cached === 'missing' ? undefined : cached;
    // The viewer's entry itself: a warm page allocates nothing here.
    if (known && knowsAll(known, noteIds)) return known;
    const unknown = known ? noteIds.filter((id) => !known.has(id)) : noteIds;
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
