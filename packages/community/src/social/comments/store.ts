import type { Kysely, Selectable } from 'kysely';
import type { Executor } from '../../contracts.ts';
import type { Keyset } from '../shared/cursor.ts';
import type { SocialTables } from '../shared/tables.ts';
import type { CommentKey, CommentOrder } from './order.ts';

export type CommentRow = Selectable<SocialTables['social_comments']>;

export function createCommentsStore(root: Kysely<SocialTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<SocialTables>;

  /** Oldest-first page filter over (created_at, id), skipping authors hidden from the viewer. */
  const pageQuery = (hidden: string[], after: Keyset | null, limit: number) => {
    let query = q()
      .selectFrom('social_comments')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1);
    if (hidden.length > 0) query = query.where('author_id', 'not in', hidden);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '>', after.atMs),
          eb.and([eb('created_at', '=', after.atMs), eb('id', '>', after.id)]),
        ]),
      );
    }
    return query;
  };

  /** Newest first over (created_at, id), or most liked first over (like_count, created_at, id). */
  const descendingQuery = (
    hidden: string[],
    after: CommentKey | null,
    limit: number,
    order: CommentOrder,
  ) => {
    let query = q().selectFrom('social_comments').selectAll();
    if (order === 'liked') query = query.orderBy('like_count', 'desc');
    query = query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (hidden.length > 0) query = query.where('author_id', 'not in', hidden);
    if (!after) return query;
    return query.where((eb) => {
      const olderOrLowerId = eb.or([
        eb('created_at', '<', after.atMs),
        eb.and([eb('created_at', '=', after.atMs), eb('id', '<', after.id)]),
      ]);
      if (order !== 'liked') return olderOrLowerId;
      const likes = after.likes ?? 0;
      return eb.or([eb('like_count', '<', likes), eb.and([eb('like_count', '=', likes), olderOrLowerId])]);
    });
  };

  const adjustReplies = (rootId: string, delta: number, db: Executor) =>
    q(db)
      .updateTable('social_comments')
      .set((eb) => ({ reply_count: eb('reply_count', '+', delta) }))
      .where('id', '=', rootId)
      .execute();

  return {
    transaction: <T>(fn: (trx: Executor) => Promise<T>) => root.transaction().execute(fn),
    /** False when a comment with this id exists already (a retried request that had committed). */
    async insert(row: CommentRow, db: Executor): Promise<boolean> {
      const result = await q(db)
        .insertInto('social_comments')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    findById: (id: string, db?: Executor) =>
      q(db).selectFrom('social_comments').selectAll().where('id', '=', id).executeTakeFirst(),
    adjustReplies,

    /** The bodies of the comments that exist among `ids`. */
    async bodiesByIds(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await q()
        .selectFrom('social_comments')
        .select(['id', 'body'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.body]));
    },

    /** A note's top-level comments in `order`; `limit + 1` rows. */
    topLevelPage: (
      noteId: string,
      hidden: string[],
      after: CommentKey | null,
      limit: number,
      order: CommentOrder = 'oldest',
    ) =>
      (order === 'oldest' ? pageQuery(hidden, after, limit) : descendingQuery(hidden, after, limit, order))
        .where('note_id', '=', noteId)
        .where('root_id', 'is', null)
        .execute(),

    /** Replies under a top-level comment, oldest first; `limit + 1` rows. */
    repliesPage: (rootId: string, hidden: string[], after: Keyset | null, limit: number) =>
      pageQuery(hidden, after, limit).where('root_id', '=', rootId).execute(),

    /** The first `perRoot` visible replies of each top-level comment, in one query. */
    async firstReplies(rootIds: string[], perRoot: number, hidden: string[]): Promise<CommentRow[]> {
      if (rootIds.length === 0) return [];
      let ranked = q()
        .selectFrom('social_comments')
        .selectAll()
        .select((eb) =>
          eb.fn
            .agg<number>('row_number')
            .over((ob) => ob.partitionBy('root_id').orderBy('created_at').orderBy('id'))
            .as('rank'),
        )
        .where('root_id', 'in', rootIds);
      if (hidden.length > 0) ranked = ranked.where('author_id', 'not in', hidden);
      const rows = await q()
        .selectFrom(ranked.as('ranked'))
        .selectAll()
        .where('rank', '<=', perRoot)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(({ rank: _rank, ...row }) => row);
    },

    /** Deletes a comment and, for a top-level one, its replies; answers how many rows went. */
    async deleteWithReplies(id: string, db: Executor): Promise<number> {
      const replies = await q(db).deleteFrom('social_comments').where('root_id', '=', id).executeTakeFirst();
      const self = await q(db).deleteFrom('social_comments').where('id', '=', id).executeTakeFirst();
      return Number(replies.numDeletedRows) + Number(self.numDeletedRows);
    },

    /** The account's comments, oldest first (ids are time-ordered), after `afterId` (export pages). */
    pagesByAuthor: (accountId: string) => (after: { id: string } | undefined, limit: number) =>
      q()
        .selectFrom('social_comments')
        .selectAll()
        .where('author_id', '=', accountId)
        .$if(after !== undefined, (qb) => qb.where('id', '>', after!.id))
        .orderBy('id')
        .limit(limit)
        .execute(),

    /**
     * Erases the account's comments and the replies under its top-level ones. Answers how many
     * comments each note lost, for its commentCount; reply counts of others' threads move here.
     */
    async eraseAccount(accountId: string, db: Executor): Promise<Map<string, number>> {
      const trx = q(db);
      const ownTop = trx
        .selectFrom('social_comments')
        .select('id')
        .where('author_id', '=', accountId)
        .where('root_id', 'is', null);
      const lost = await trx
        .selectFrom('social_comments')
        .select(['note_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where((eb) => eb.or([eb('author_id', '=', accountId), eb('root_id', 'in', ownTop)]))
        .groupBy('note_id')
        .execute();
      const repliesElsewhere = await trx
        .selectFrom('social_comments')
        .select(['root_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('author_id', '=', accountId)
        .where('root_id', 'is not', null)
        .where('root_id', 'not in', ownTop)
        .groupBy('root_id')
        .execute();
      for (const { root_id, n } of repliesElsewhere) {
        if (root_id) await adjustReplies(root_id, -Number(n), db);
      }
      await trx.deleteFrom('social_comments').where('root_id', 'in', ownTop).execute();
      await trx.deleteFrom('social_comments').where('author_id', '=', accountId).execute();
      return new Map(lost.map((r) => [r.note_id, Number(r.n)]));
    },

    /** Every comment on the notes; replies sit on their thread's note, so threads go whole. */
    deleteByNotes: async (noteIds: string[], db?: Executor) => {
      if (noteIds.length > 0)
        await q(db).deleteFrom('social_comments').where('note_id', 'in', noteIds).execute();
    },
  };
}

export type CommentsStore = ReturnType<typeof createCommentsStore>;
