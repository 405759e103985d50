import type { Clock, Invalidations } from '@plaza/kernel';
import { createRefreshingCache, type RefreshingOptions } from '../refreshing-cache.ts';
import type { NoteState, NotesStore } from './store.ts';

// Cards show counters and publication state, which change without an edit. This process
// forgets a note's state when it changes it or hears of the change (likes, comments, edits,
// deletions); refreshing ahead bounds the rest (another process's like or deletion) to a few
// seconds for the notes being read, without making their readers wait.
export const DEFAULT_STATE_CACHE: RefreshingOptions = {
  entriesMax: 50_000,
  refreshAfterMs: 5_000,
  ttlMs: 30_000,
  refreshBatch: 500,
  refreshDelayMs: 200,
};

export interface StateCacheDeps {
  store: Pick<NotesStore, 'statesByIds'>;
  clock: Clock;
  options?: RefreshingOptions;
  /** A background re-read failed: entries stay until their time to live, then readers re-read them. */
  onRefreshError?: (err: unknown) => void;
  /** Other processes' changes (likes, edits, deletions) arrive here at once when given. */
  invalidations?: Invalidations;
}

const NAME = 'note-states';
const BY_AUTHOR = 'note-states-by-author';

const sameState = (a: NoteState, b: NoteState) =>
  a.status === b.status &&
  a.like_count === b.like_count &&
  a.collect_count === b.collect_count &&
  a.comment_count === b.comment_count &&
  a.created_at === b.created_at &&
  a.updated_at === b.updated_at &&
  a.author_id === b.author_id;

/**
 * Note states by id for the card read path, so a warm feed page reads none from the
 * database. A note that does not exist (deleted) is remembered as such.
 */
export function createStateCache({
  store,
  clock,
  options = DEFAULT_STATE_CACHE,
  onRefreshError = () => {},
  invalidations,
}: StateCacheDeps) {
  const cache = createRefreshingCache<NoteState>(
    options,
    clock,
    // A re-read that changed nothing keeps the object held, so what was made from it (cards
    // and their bytes) stays valid.
    async (ids, previous) =>
      new Map(
        (await store.statesByIds(ids)).map((s) => {
          const held = previous.get(s.id);
          return [s.id, held && sameState(held, s) ? held : s];
        }),
      ),
    onRefreshError,
    { invalidations, name: NAME },
  );
  const forgetAuthorHere = (authorId: string) => cache.forgetWhere((s) => s.author_id === authorId);
  invalidations?.subscribe(BY_AUTHOR, (authorIds) => {
    if (authorIds === 'all') return; // the states channel's own 'all' has dropped everything
    for (const authorId of authorIds) forgetAuthorHere(authorId);
  });
  return {
    /** The states of `ids` that exist; waits for the database only for those not servable. */
    read: (ids: string[]) => cache.getMany(ids),
    /** The state of `id` if it may be served now (undefined: the note does not exist), or `missing`. */
    peek: (id: string, nowMs: number) => cache.peek(id, nowMs),
    /** After a change this process made or heard of: the next read goes to the database. */
    forget: (ids: Iterable<string>) => cache.forget(ids),
    /** An erased account's notes (they go without `note.deleted`); a scan, for a rare event. */
    forgetAuthor(authorId: string) {
      forgetAuthorHere(authorId);
      invalidations?.publish(BY_AUTHOR, [authorId]);
    },
    get size() {
      return cache.size;
    },
  };
}

export type StateCache = ReturnType<typeof createStateCache>;
