import {
  type Clock,
  type EventBus,
  keysetRows,
  type Language,
  mapRows,
  NotFoundError,
  ValidationError,
} from '@plaza/kernel';
import type {
  AccountDataContributor,
  BlocksApi,
  CommunityEvents,
  Executor,
  NotesApi,
} from '../../contracts.ts';
import { requireVisibleNote } from '../shared/notes-access.ts';
import { type CollectionsService, NOTES_PER_COLLECTION_MAX } from './service.ts';
import type { CollectionRow, CollectionsStore } from './store.ts';

export interface CollectDeps {
  store: CollectionsStore;
  boards: CollectionsService;
  notes: NotesApi;
  blocks: BlocksApi;
  clock: Clock;
  bus: EventBus;
}

/** Putting notes on boards and taking them off, keeping collectCount = distinct collecting accounts. */
export function createCollectService({ store, boards, notes, blocks, clock, bus }: CollectDeps) {
  /** Takes notes off one board; each note no board of the account holds any more loses one collect. */
  async function takeOff(board: Pick<CollectionRow, 'id' | 'owner_id'>, noteIds: string[], trx: Executor) {
    let removedAny = false;
    for (const noteId of noteIds) {
      const { removed, lastBoard } = await store.removeItem(
        board.id,
        noteId,
        board.owner_id,
        clock.nowMs(),
        trx,
      );
      removedAny ||= removed;
      if (lastBoard) await notes.adjustCounter(noteId, 'collectCount', -1, trx);
    }
    return removedAny;
  }

  /**
   * Deleted notes leave every board. Runs inside `db` when given (the account deletion's
   * transaction), else in a transaction of its own.
   */
  function onNotesDeleted(noteIds: string[], db?: Executor) {
    const erase = (trx: Executor) => store.eraseNotes(noteIds, clock.nowMs(), trx);
    return db ? erase(db) : store.transaction(erase);
  }

  const contributor: AccountDataContributor = {
    name: 'social.collections',
    // Boards and what is on them in two files: a board's notes are unbounded, a line is not.
    async write(accountId, sink) {
      await sink.lines(
        'boards.jsonl',
        mapRows(keysetRows(store.boardsPages(accountId)), (r) => ({
          id: r.id,
          name: r.name,
          description: r.description,
          private: r.is_private === 1,
          isDefault: r.is_default === 1,
          createdAt: r.created_at,
        })),
      );
      await sink.lines(
        'items.jsonl',
        mapRows(keysetRows(store.itemsPages(accountId)), (i) => ({
          collectionId: i.collection_id,
          noteId: i.note_id,
          collectedAt: i.created_at,
        })),
      );
    },
    async erase(accountId, db) {
      const noteIds = await store.collectedNoteIds(accountId, db);
      await store.eraseAccount(accountId, db);
      for (const noteId of noteIds) await notes.adjustCounter(noteId, 'collectCount', -1, db);
    },
  };

  return {
    contributor,
    collectedAmong: (accountId: string, noteIds: string[]) => store.collectedAmong(accountId, noteIds),

    /** Collects into `collectionId`, or into the default board (made on first use) when absent. */
    async collect(viewer: { accountId: string; language: Language }, noteId: string, collectionId?: string) {
      const note = await requireVisibleNote(notes, blocks, noteId, viewer.accountId);
      const chosen = collectionId ? await boards.owned(collectionId, viewer.accountId) : null;
      const result = await store.transaction(async (trx) => {
        const board = chosen ?? (await boards.defaultBoard(viewer.accountId, viewer.language, trx));
        const current = await store.findById(board.id, trx);
        if (!current) throw new NotFoundError('That collection');
        if (current.note_count >= NOTES_PER_COLLECTION_MAX) {
          throw new ValidationError(
            `A collection holds at most ${NOTES_PER_COLLECTION_MAX} notes.`,
            [
              {
                field: '/collectionId',
                code: 'collection_full',
                params: { max: NOTES_PER_COLLECTION_MAX },
                message: 'is full',
              },
            ],
            'collection_full',
          );
        }
        const { firstBoard } = await store.addItem(board.id, noteId, viewer.accountId, clock.nowMs(), trx);
        if (firstBoard) {
          await notes.adjustCounter(noteId, 'collectCount', 1, trx);
          const event: CommunityEvents['collect.created'] = {
            noteId,
            accountId: viewer.accountId,
            authorId: note.authorId,
          };
          await bus.record(trx, 'collect.created', event);
        }
        return { collectionId: board.id, collectCount: await store.collectCount(noteId, trx) };
      });
      await bus.deliver();
      return { collected: true, collectionId: result.collectionId, collectCount: result.collectCount };
    },

    /** Takes a note off one board, or off all of the viewer's boards when no board is named. */
    async uncollect(viewerId: string, noteId: string, collectionId?: string) {
      if (!(await notes.meta(noteId))) throw new NotFoundError('That note');
      const board = collectionId ? await boards.owned(collectionId, viewerId) : null;
      const result = await store.transaction(async (trx) => {
        const boardIds = board ? [board.id] : await store.boardsHolding(viewerId, noteId, trx);
        let removedAny = false;
        for (const id of boardIds)
          removedAny = (await takeOff({ id, owner_id: viewerId }, [noteId], trx)) || removedAny;
        return {
          removedAny,
          collected: (await store.boardsHolding(viewerId, noteId, trx)).length > 0,
          collectCount: await store.collectCount(noteId, trx),
        };
      });
      // Nothing of the viewer's was removed: a note they cannot see must still look missing.
      if (!result.removedAny) await requireVisibleNote(notes, blocks, noteId, viewerId);
      return { collected: result.collected, collectCount: result.collectCount };
    },

    async deleteBoard(id: string, viewerId: string) {
      const board = await boards.owned(id, viewerId);
      await store.transaction(async (trx) => {
        const items = await store.itemsOfBoard(id, trx);
        await takeOff(
          board,
          items.map((i) => i.note_id),
          trx,
        );
        await store.remove(id, trx);
      });
    },

    onNotesDeleted,
    onNoteDeleted: ({ noteId }: CommunityEvents['note.deleted'], db?: Executor) =>
      onNotesDeleted([noteId], db),
  };
}

export type CollectService = ReturnType<typeof createCollectService>;
