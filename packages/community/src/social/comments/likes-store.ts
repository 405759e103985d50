import type { Kysely } from 'kysely';
import type { Executor } from '../../contracts.ts';
import type { SocialTables } from '../shared/tables.ts';

/** All SQL of comment likes: the like rows and each comment's counted `like_count`. */
export function createCommentLikesStore(root: Kysely<SocialTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<SocialTables>;

  const adjust = (commentId: string, delta: number, db: Executor) =>
    q(db)
      .updateTable('social_comments')
      .set((eb) => ({ like_count: eb('like_count', '+', delta) }))
      .where('id', '=', commentId)
      .execute();

  return {
    transaction: <T>(fn: (trx: Executor) => Promise<T>) => root.transaction().execute(fn),

    /** Adds the like and counts it; false (and nothing counted) when it existed already. */
    async add(commentId: string, accountId: string, atMs: number, db: Executor): Promise<boolean> {
      const result = await q(db)
        .insertInto('social_comment_likes')
        .values({ comment_id: commentId, account_id: accountId, created_at: atMs })
        .onConflict((oc) => oc.columns(['comment_id', 'account_id']).doNothing())
        .executeTakeFirst();
      const added = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      if (added) await adjust(commentId, 1, db);
      return added;
    },

    /** Removes the like and uncounts it; false when there was none. */
    async remove(commentId: string, accountId: string, db: Executor): Promise<boolean> {
      const result = await q(db)
        .deleteFrom('social_comment_likes')
        .where('comment_id', '=', commentId)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      const removed = Number(result.numDeletedRows) > 0;
      if (removed) await adjust(commentId, -1, db);
      return removed;
    },

    async count(commentId: string, db?: Executor): Promise<number> {
      const row = await q(db)
        .selectFrom('social_comments')
        .select('like_count')
        .where('id', '=', commentId)
        .executeTakeFirst();
      return Number(row?.like_count ?? 0);
    },

    /** Which of `commentIds` the account likes, in one query. */
    async likedAmong(accountId: string, commentIds: string[]): Promise<Set<string>> {
      if (commentIds.length === 0) return new Set();
      const rows = await q()
        .selectFrom('social_comment_likes')
        .select('comment_id')
        .where('account_id', '=', accountId)
        .where('comment_id', 'in', commentIds)
        .execute();
      return new Set(rows.map((r) => r.comment_id));
    },

    /** The account's comment likes, by comment id, after `afterId` (export pages). */
    pagesByAccount: (accountId: string) => (after: { comment_id: string } | undefined, limit: number) =>
      q()
        .selectFrom('social_comment_likes')
        .selectAll()
        .where('account_id', '=', accountId)
        .$if(after !== undefined, (qb) => qb.where('comment_id', '>', after!.comment_id))
        .orderBy('comment_id')
        .limit(limit)
        .execute(),

    /** Takes back every like the account gave, uncounting each (account erasure). */
    async eraseAccount(accountId: string, db: Executor): Promise<void> {
      const rows = await q(db)
        .selectFrom('social_comment_likes')
        .select('comment_id')
        .where('account_id', '=', accountId)
        .execute();
      for (const { comment_id } of rows) await adjust(comment_id, -1, db);
      await q(db).deleteFrom('social_comment_likes').where('account_id', '=', accountId).execute();
    },
  };
}

export type CommentLikesStore = ReturnType<typeof createCommentLikesStore>;
