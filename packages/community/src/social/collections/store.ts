import { type CreationCursor, creationOrderPage } from '@plaza/kernel';
import type { Kysely, Selectable } from 'kysely';
import type { Executor } from '../../contracts.ts';
import type { Keyset } from '../shared/cursor.ts';
import type { SocialTables } from '../shared/tables.ts';

export type CollectionRow = Selectable<SocialTables['social_collections']>;
type Patch = Partial<Pick<CollectionRow, 'name' | 'description' | 'is_private' | 'updated_at'>>;

/** Keyset filter for newest-first pages over (created_at, key). */
function olderThan<K extends string>(after: Keyset, key: K) {
  // biome-ignore lint/suspicious/noExplicitAny: the builder is shared by two tables with the same keyset columns
  return (eb: any) =>
    eb.or([
      eb('created_at', '<', after.atMs),
      eb.and([eb('created_at', '=', after.atMs), eb(key, '<', after.id)]),
    ]);
}

export function createCollectionsStore(root: Kysely<SocialTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<SocialTables>;
  const boards = {
    transaction: <T>(fn: (trx: Executor) => Promise<T>) => root.transaction().execute(fn),
    insert: (row: CollectionRow, db?: Executor) =>
      q(db).insertInto('social_collections').values(row).execute(),
    /** Inserts the default board unless one exists (the partial unique index settles races). */
    insertDefaultIfMissing: (row: CollectionRow, db?: Executor) =>
      q(db)
        .insertInto('social_collections')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .execute(),
    findById: (id: string, db?: Executor) =>
      q(db).selectFrom('social_collections').selectAll().where('id', '=', id).executeTakeFirst(),
    findDefault: (ownerId: string, db?: Executor) =>
      q(db)
        .selectFrom('social_collections')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('is_default', '=', 1)
        .executeTakeFirst(),
    async countByOwner(ownerId: string, db?: Executor): Promise<number> {
      const row = await q(db)
        .selectFrom('social_collections')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('owner_id', '=', ownerId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    update: (id: string, patch: Patch, db?: Executor) =>
      q(db).updateTable('social_collections').set(patch).where('id', '=', id).execute(),
    remove: (id: string, db: Executor) =>
      q(db).deleteFrom('social_collections').where('id', '=', id).execute(),
    /** An owner's boards, newest first; `limit + 1` rows. */
    pageByOwner(ownerId: string, includePrivate: boolean, after: Keyset | null, limit: number) {
      let query = q()
        .selectFrom('social_collections')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (!includePrivate) query = query.where('is_private', '=', 0);
      if (after) query = query.where(olderThan(after, 'id'));
      return query.execute();
    },
    /** The owner's boards, oldest first, after `after` (export pages; the owner index). */
    boardsPages: (ownerId: string) => (after: CreationCursor | undefined, limit: number) =>
      creationOrderPage(
        q().selectFrom('social_collections').selectAll().where('owner_id', '=', ownerId),
        after,
        limit,
      ).execute(),
  };
  return { ...boards, ...createItemsStore(q) };
}

function createItemsStore(q: (db?: Executor) => Kysely<SocialTables>) {
  /** Moves a board's note count and touches it, as adding or removing a note does. */
  const touch = (collectionId: string, delta: number, nowMs: number, db: Executor) =>
    q(db)
      .updateTable('social_collections')
      .set((eb) => ({ note_count: eb('note_count', '+', delta), updated_at: nowMs }))
      .where('id', '=', collectionId)
      .execute();

  return {
    /**
     * Puts a note on a board. Answers whether it went in, and whether the account had not
     * collected the note on any board before (what collectCount counts).
     */
    async addItem(collectionId: string, noteId: string, accountId: string, nowMs: number, db: Executor) {
      const result = await q(db)
        .insertInto('social_collection_items')
        .values({ collection_id: collectionId, note_id: noteId, account_id: accountId, created_at: nowMs })
        .onConflict((oc) => oc.columns(['collection_id', 'note_id']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return { added: false, firstBoard: false };
      await touch(collectionId, 1, nowMs, db);
      // The upsert's row lock serializes two boards collecting the same note at once.
      const row = await q(db)
        .insertInto('social_collects')
        .values({ account_id: accountId, note_id: noteId, boards: 1, created_at: nowMs })
        .onConflict((oc) =>
          oc
            .columns(['account_id', 'note_id'])
            .doUpdateSet((eb) => ({ boards: eb('social_collects.boards', '+', 1) })),
        )
        .returning('boards')
        .executeTakeFirstOrThrow();
      return { added: true, firstBoard: Number(row.boards) === 1 };
    },

    /** Takes a note off a board; `lastBoard` when no board of the account holds it any more. */
    async removeItem(collectionId: string, noteId: string, accountId: string, nowMs: number, db: Executor) {
      const result = await q(db)
        .deleteFrom('social_collection_items')
        .where('collection_id', '=', collectionId)
        .where('note_id', '=', noteId)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) return { removed: false, lastBoard: false };
      await touch(collectionId, -1, nowMs, db);
      const row = await q(db)
        .updateTable('social_collects')
        .set((eb) => ({ boards: eb('boards', '-', 1) }))
        .where('account_id', '=', accountId)
        .where('note_id', '=', noteId)
        .returning('boards')
        .executeTakeFirst();
      if (row && Number(row.boards) > 0) return { removed: true, lastBoard: false };
      await q(db)
        .deleteFrom('social_collects')
        .where('account_id', '=', accountId)
        .where('note_id', '=', noteId)
        .execute();
      return { removed: true, lastBoard: true };
    },

    boardsHolding: async (accountId: string, noteId: string, db?: Executor) =>
      (
        await q(db)
          .selectFrom('social_collection_items')
          .select('collection_id')
          .where('account_id', '=', accountId)
          .where('note_id', '=', noteId)
          .execute()
      ).map((r) => r.collection_id),

    async collectCount(noteId: string, db?: Executor): Promise<number> {
      const row = await q(db)
        .selectFrom('social_collects')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('note_id', '=', noteId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async collectedAmong(accountId: string, noteIds: string[]): Promise<Set<string>> {
      if (noteIds.length === 0) return new Set();
      const rows = await q()
        .selectFrom('social_collects')
        .select('note_id')
        .where('account_id', '=', accountId)
        .where('note_id', 'in', noteIds)
        .execute();
      return new Set(rows.map((r) => r.note_id));
    },

    /** The latest `perBoard` notes added to each board, newest first, in one query. */
    async latestItems(collectionIds: string[], perBoard: number) {
      if (collectionIds.length === 0) return [];
      const ranked = q()
        .selectFrom('social_collection_items')
        .select(['collection_id', 'note_id', 'created_at'])
        .select((eb) =>
          eb.fn
            .agg<number>('row_number')
            .over((ob) =>
              ob.partitionBy('collection_id').orderBy('created_at', 'desc').orderBy('note_id', 'desc'),
            )
            .as('rank'),
        )
        .where('collection_id', 'in', collectionIds);
      return q()
        .selectFrom(ranked.as('ranked'))
        .select(['collection_id', 'note_id'])
        .where('rank', '<=', perBoard)
        .orderBy('collection_id')
        .orderBy('created_at', 'desc')
        .orderBy('note_id', 'desc')
        .execute();
    },

    /** A board's notes, most recently added first; `limit + 1` rows. */
    itemsPage(collectionId: string, after: Keyset | null, limit: number) {
      let query = q()
        .selectFrom('social_collection_items')
        .select(['note_id', 'created_at'])
        .where('collection_id', '=', collectionId)
        .orderBy('created_at', 'desc')
        .orderBy('note_id', 'desc')
        .limit(limit + 1);
      if (after) query = query.where(olderThan(after, 'note_id'));
      return query.execute();
    },

    /** What the account put on its boards, by note then board, after `after` (export pages). */
    itemsPages:
      (accountId: string) => (after: { note_id: string; collection_id: string } | undefined, limit: number) =>
        q()
          .selectFrom('social_collection_items')
          .select(['collection_id', 'note_id', 'created_at'])
          .where('account_id', '=', accountId)
          .$if(after !== undefined, (qb) =>
            qb.where((eb) =>
              eb(
                eb.refTuple('note_id', 'collection_id'),
                '>',
                eb.tuple(after!.note_id, after!.collection_id),
              ),
            ),
          )
          .orderBy('note_id')
          .orderBy('collection_id')
          .limit(limit)
          .execute(),

    /**
     * Takes deleted notes off every board and drops their collect rows. Each board's note
     * count falls by the items it lost; the notes' own counters are gone with them.
     */
    async eraseNotes(noteIds: string[], nowMs: number, db: Executor) {
      if (noteIds.length === 0) return;
      const lost = await q(db)
        .selectFrom('social_collection_items')
        .select(['collection_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('note_id', 'in', noteIds)
        .groupBy('collection_id')
        .execute();
      await q(db).deleteFrom('social_collection_items').where('note_id', 'in', noteIds).execute();
      for (const { collection_id, n } of lost) await touch(collection_id, -Number(n), nowMs, db);
      await q(db).deleteFrom('social_collects').where('note_id', 'in', noteIds).execute();
    },

    itemsOfBoard: (collectionId: string, db?: Executor) =>
      q(db)
        .selectFrom('social_collection_items')
        .select(['collection_id', 'note_id', 'account_id'])
        .where('collection_id', '=', collectionId)
        .execute(),

    collectedNoteIds: async (accountId: string, db?: Executor) =>
      (
        await q(db)
          .selectFrom('social_collects')
          .select('note_id')
          .where('account_id', '=', accountId)
          .execute()
      ).map((r) => r.note_id),

    /** Erases the account's boards, items and collect rows (counters are the caller's). */
    async eraseAccount(accountId: string, db: Executor) {
      await q(db).deleteFrom('social_collection_items').where('account_id', '=', accountId).execute();
      await q(db).deleteFrom('social_collects').where('account_id', '=', accountId).execute();
      await q(db).deleteFrom('social_collections').where('owner_id', '=', accountId).execute();
    },
  };
}

export type CollectionsStore = ReturnType<typeof createCollectionsStore>;
