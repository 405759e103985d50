import type { LikedStateProvider, NotesApi, Page, PageRequest, ViewerStateProvider } from '../contracts.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { NoteRow, NotesStore } from './store.ts';
import { topicKey } from './text.ts';
import { toCandidate, toMeta } from './views.ts';

export const PAGE_LIMIT_MAX = 100;

interface QueryDeps {
  store: NotesStore;
  hydrate: NotesApi['hydrate'];
  cards: NotesApi['cards'];
  setProvider(provider: ViewerStateProvider): void;
  setLikedProvider(provider: LikedStateProvider): void;
  /** A counter moved: cached states of the note are out of date. */
  onCounterChanged(noteId: string): void;
}

const limitOf = (page: PageRequest) => Math.min(Math.max(Math.trunc(page.limit) || 1, 1), PAGE_LIMIT_MAX);

/** Rows fetched as `limit + 1` become a page and the cursor after its last item. */
function pageOf(rows: NoteRow[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null;
  return { items: items.map(toMeta), nextCursor } satisfies Page<ReturnType<typeof toMeta>>;
}

/** The read side other modules use (`NotesApi` in contracts.ts). */
export function createNotesApi(deps: QueryDeps): NotesApi {
  const { store, hydrate, cards } = deps;
  return {
    async meta(id, db) {
      const row = await store.byId(id, db);
      return row ? toMeta(row) : undefined;
    },
    hydrate,
    cards,
    async adjustCounter(noteId, counter, delta, db) {
      if (!Number.isInteger(delta)) throw new Error(`Counter delta must be an integer, got ${delta}`);
      await store.adjustCounter(noteId, counter, delta, db);
      // Before the caller's commit: a read in between may keep the old count, so the events
      // that follow the commit (like, collect, comment) forget it again.
      deps.onCounterChanged(noteId);
    },
    async listByAuthor(authorId, page, includeDrafts, db) {
      const limit = limitOf(page);
      return pageOf(
        await store.pageByAuthor(authorId, includeDrafts, decodeCursor(page.cursor), limit, db),
        limit,
      );
    },
    async listByTopic(key, page, db) {
      const limit = limitOf(page);
      return pageOf(await store.pageByTopic(topicKey(key), decodeCursor(page.cursor), limit, db), limit);
    },
    listRecentPublished: async (sinceMs, limit, db) =>
      (await store.recentPublished(sinceMs, Math.max(1, Math.trunc(limit)), db)).map(toCandidate),
    countByAuthor: (authorId, db) => store.countPublishedByAuthor(authorId, db),
    engagementByAuthor: (authorId, db) => store.engagementByAuthor(authorId, db),
    setViewerStateProvider: deps.setProvider,
    setLikedStateProvider: deps.setLikedProvider,
  };
}
