import type { Kysely } from 'kysely';
import type { Executor } from '../../contracts.ts';
import type { Keyset } from '../shared/cursor.ts';
import type { SocialTables } from '../shared/tables.ts';

export function createLikesStore(root: Kysely<SocialTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<SocialTables>;
  return {
    transaction: <T>(fn: (trx: Executor) => Promise<T>) => root.transaction().execute(fn),

    /** True when the like is new (false when the account already liked the note). */
    async insert(accountId: string, noteId: string, nowMs: number, db: Executor): Promise<boolean> {
      const result = await q(db)
        .insertInto('social_likes')
        .values({ account_id: accountId, note_id: noteId, created_at: nowMs })
        .onConflict((oc) => oc.columns(['account_id', 'note_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async remove(accountId: string, noteId: string, db: Executor): Promise<boolean> {
      const result = await q(db)
        .deleteFrom('social_likes')
        .where('account_id', '=', accountId)
        .where('note_id', '=', noteId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async countForNote(noteId: string, db?: Executor): Promise<number> {
      const row = await q(db)
        .selectFrom('social_likes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('note_id', '=', noteId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async likedAmong(accountId: string, noteIds: string[], db?: Executor): Promise<Set<string>> {
      if (noteIds.length === 0) return new Set();
      const rows = await q(db)
        .selectFrom('social_likes')
        .select('note_id')
        .where('account_id', '=', accountId)
        .where('note_id', 'in', noteIds)
        .execute();
      return new Set(rows.map((r) => r.note_id));
    },

    /**
     * `likedAmong` for several accounts in one query (one `union all` arm each): the liked
     * notes per account, accounts that like none of theirs absent.
     */
    async likedAmongMany(asks: { accountId: string; noteIds: string[] }[], db?: Executor) {
      const liked = new Map<string, Set<string>>();
      const arms = asks
        .filter((a) => a.noteIds.length > 0)
        .map((a) =>
          q(db)
            .selectFrom('social_likes')
            .select(['account_id', 'note_id'])
            .where('account_id', '=', a.accountId)
            .where('note_id', 'in', a.noteIds),
        );
      const [first, ...rest] = arms;
      if (!first) return liked;
      const rows = await rest.reduce((query, arm) => query.unionAll(arm), first).execute();
      for (const row of rows) {
        const set = liked.get(row.account_id) ?? new Set<string>();
        set.add(row.note_id);
        liked.set(row.account_id, set);
      }
      return liked;
    },

    /** The account's likes, newest first, `limit + 1` rows to detect a next page. */
    async pageByAccount(accountId: string, after: Keyset | null, limit: number, db?: Executor) {
      let query = q(db)
        .selectFrom('social_likes')
        .select(['note_id', 'created_at'])
        .where('account_id', '=', accountId)
        .orderBy('created_at', 'desc')
        .orderBy('note_id', 'desc')
        .limit(limit + 1);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.atMs),
            eb.and([eb('created_at', '=', after.atMs), eb('note_id', '<', after.id)]),
          ]),
        );
      }
      return query.execute();
    },

    listByAccount: (accountId: string, db?: Executor) =>
      q(db)
        .selectFrom('social_likes')
        .select(['note_id', 'created_at'])
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .execute(),

    /** The account's likes, oldest first, after `after` (export pages). */
    pagesByAccount:
      (accountId: string) => (after: { created_at: number; note_id: string } | undefined, limit: number) =>
        q()
          .selectFrom('social_likes')
          .select(['note_id', 'created_at'])
          .where('account_id', '=', accountId)
          .$if(after !== undefined, (qb) =>
            qb.where((eb) =>
              eb(eb.refTuple('created_at', 'note_id'), '>', eb.tuple(after!.created_at, after!.note_id)),
            ),
          )
          .orderBy('created_at')
          .orderBy('note_id')
          .limit(limit)
          .execute(),

    deleteByAccount: (accountId: string, db: Executor) =>
      q(db).deleteFrom('social_likes').where('account_id', '=', accountId).execute(),

    deleteByNotes: async (noteIds: string[], db?: Executor) => {
      if (noteIds.length > 0)
        await q(db).deleteFrom('social_likes').where('note_id', 'in', noteIds).execute();
    },
  };
}

export type LikesStore = ReturnType<typeof createLikesStore>;
