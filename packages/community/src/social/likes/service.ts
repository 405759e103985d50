import { type Clock, type EventBus, keysetRows, mapRows, NotFoundError } from '@plaza/kernel';
import type {
  AccountDataContributor,
  BlocksApi,
  CommunityEvents,
  Executor,
  NotesApi,
  NoteView,
  PageRequest,
} from '../../contracts.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { requireVisibleNote } from '../shared/notes-access.ts';
import type { LikesStore } from './store.ts';

export interface LikesDeps {
  store: LikesStore;
  notes: NotesApi;
  blocks: BlocksApi;
  clock: Clock;
  bus: EventBus;
  /** After a like or unlike committed: caches of the viewer's likes are out of date. */
  onLikesChanged?: (viewerId: string) => void;
}

export function createLikesService({ store, notes, blocks, clock, bus, onLikesChanged }: LikesDeps) {
  const contributor: AccountDataContributor = {
    name: 'social.likes',
    write: (accountId, sink) =>
      sink.lines(
        'likes.jsonl',
        mapRows(keysetRows(store.pagesByAccount(accountId)), (r) => ({
          noteId: r.note_id,
          likedAt: r.created_at,
        })),
      ),
    async erase(accountId, db) {
      const rows = await store.listByAccount(accountId, db);
      await store.deleteByAccount(accountId, db);
      // Notes already erased ignore the adjustment; the ones that remain lose this like.
      for (const row of rows) await notes.adjustCounter(row.note_id, 'likeCount', -1, db);
    },
  };

  return {
    contributor,
    likedAmong: (accountId: string, noteIds: string[]) => store.likedAmong(accountId, noteIds),
    /** Deleted notes lose their likes; `db` runs it inside the caller's transaction. */
    onNotesDeleted: (noteIds: string[], db?: Executor) => store.deleteByNotes(noteIds, db),
    onNoteDeleted: ({ noteId }: CommunityEvents['note.deleted'], db?: Executor) =>
      store.deleteByNotes([noteId], db),

    async like(viewerId: string, noteId: string) {
      const note = await requireVisibleNote(notes, blocks, noteId, viewerId);
      const likeCount = await store.transaction(async (trx) => {
        if (await store.insert(viewerId, noteId, clock.nowMs(), trx)) {
          await notes.adjustCounter(noteId, 'likeCount', 1, trx);
          const event: CommunityEvents['like.created'] = {
            noteId,
            accountId: viewerId,
            authorId: note.authorId,
          };
          await bus.record(trx, 'like.created', event);
        }
        return store.countForNote(noteId, trx);
      });
      onLikesChanged?.(viewerId);
      // After the commit, so the author's notification exists when the answer arrives.
      await bus.deliver();
      return { liked: true, likeCount };
    },

    /** Taking back one's own like always works; otherwise a note one cannot see stays a 404. */
    async unlike(viewerId: string, noteId: string) {
      const meta = await notes.meta(noteId);
      if (!meta) throw new NotFoundError('That note');
      const { removed, likeCount } = await store.transaction(async (trx) => {
        const removed = await store.remove(viewerId, noteId, trx);
        if (removed) await notes.adjustCounter(noteId, 'likeCount', -1, trx);
        return { removed, likeCount: await store.countForNote(noteId, trx) };
      });
      onLikesChanged?.(viewerId);
      if (!removed) await requireVisibleNote(notes, blocks, noteId, viewerId);
      return { liked: false, likeCount };
    },

    /** The viewer's liked notes, most recently liked first; notes gone or hidden drop out. */
    async mine(viewerId: string, page: PageRequest) {
      const rows = await store.pageByAccount(viewerId, decodeCursor(page.cursor), page.limit);
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ atMs: r.created_at, id: r.note_id }));
      // Hydration drops hidden authors.
      const views = await notes.hydrate(
        items.map((r) => r.note_id),
        viewerId,
      );
      const byId = new Map<string, NoteView>(views.map((v) => [v.id, v]));
      return {
        items: items.flatMap((r) => {
          const view = byId.get(r.note_id);
          return view ? [{ ...view, likedAt: r.created_at }] : [];
        }),
        nextCursor,
      };
    },
  };
}

export type LikesService = ReturnType<typeof createLikesService>;
