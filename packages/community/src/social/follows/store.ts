import type { Kysely } from 'kysely';
import type { Executor } from '../../contracts.ts';
import type { Keyset } from '../shared/cursor.ts';
import type { SocialTables } from '../shared/tables.ts';

export type FollowDirection = 'followers' | 'following';

export function createFollowsStore(root: Kysely<SocialTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<SocialTables>;

  /** Adds `delta` to one account's followers or following count, creating its row if needed. */
  const bump = (accountId: string, column: 'followers' | 'following', delta: number, db?: Executor) =>
    q(db)
      .insertInto('social_follow_counts')
      .values({ account_id: accountId, followers: 0, following: 0, [column]: delta })
      .onConflict((oc) =>
        oc
          .column('account_id')
          .doUpdateSet((eb) => ({ [column]: eb(`social_follow_counts.${column}`, '+', delta) })),
      )
      .execute();

  return {
    transaction: <T>(fn: (trx: Executor) => Promise<T>) => root.transaction().execute(fn),

    /** True when the follow was new; counts move only then, so following twice counts once. */
    async insert(followerId: string, followeeId: string, nowMs: number, db: Executor): Promise<boolean> {
      const result = await q(db)
        .insertInto('social_follows')
        .values({ follower_id: followerId, followee_id: followeeId, created_at: nowMs })
        .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing())
        .executeTakeFirst();
      const added = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      if (added) {
        await bump(followeeId, 'followers', 1, db);
        await bump(followerId, 'following', 1, db);
      }
      return added;
    },

    /** True when a follow was removed. */
    async remove(followerId: string, followeeId: string, db: Executor): Promise<boolean> {
      const result = await q(db)
        .deleteFrom('social_follows')
        .where('follower_id', '=', followerId)
        .where('followee_id', '=', followeeId)
        .executeTakeFirst();
      const removed = Number(result.numDeletedRows) > 0;
      if (removed) {
        await bump(followeeId, 'followers', -1, db);
        await bump(followerId, 'following', -1, db);
      }
      return removed;
    },

    async counts(accountId: string, db?: Executor) {
      const row = await q(db)
        .selectFrom('social_follow_counts')
        .select(['followers', 'following'])
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return { followers: Number(row?.followers ?? 0), following: Number(row?.following ?? 0) };
    },

    async exists(followerId: string, followeeId: string, db?: Executor): Promise<boolean> {
      const row = await q(db)
        .selectFrom('social_follows')
        .select('created_at')
        .where('follower_id', '=', followerId)
        .where('followee_id', '=', followeeId)
        .executeTakeFirst();
      return row !== undefined;
    },

    followeeIds: async (accountId: string, db?: Executor) =>
      (
        await q(db)
          .selectFrom('social_follows')
          .select('followee_id')
          .where('follower_id', '=', accountId)
          .execute()
      ).map((r) => r.followee_id),

    async followerIdsAfter(accountId: string, afterId: string | null, limit: number, db?: Executor) {
      let query = q(db)
        .selectFrom('social_follows')
        .select('follower_id')
        .where('followee_id', '=', accountId)
        .orderBy('follower_id')
        .limit(limit);
      if (afterId !== null) query = query.where('follower_id', '>', afterId);
      return (await query.execute()).map((r) => r.follower_id);
    },

    /**
     * One page of an account's followers or followees, newest first, skipping `hidden`.
     * Answers `limit + 1` rows so the caller can tell whether another page exists.
     */
    async page(
      accountId: string,
      direction: FollowDirection,
      after: Keyset | null,
      limit: number,
      hidden: string[],
      db?: Executor,
    ) {
      const [self, other] =
        direction === 'followers'
          ? (['followee_id', 'follower_id'] as const)
          : (['follower_id', 'followee_id'] as const);
      let query = q(db)
        .selectFrom('social_follows')
        .select([`${other} as account_id`, 'created_at'])
        .where(self, '=', accountId)
        .orderBy('created_at', 'desc')
        .orderBy(other, 'desc')
        .limit(limit + 1);
      if (hidden.length > 0) query = query.where(other, 'not in', hidden);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.atMs),
            eb.and([eb('created_at', '=', after.atMs), eb(other, '<', after.id)]),
          ]),
        );
      }
      return query.execute();
    },

    /** Every follow the account is part of, either side, for export and erasure. */
    /** Whom the account follows, oldest first, after `after` (export pages; the follower index). */
    followingPages:
      (accountId: string) =>
      (after: { created_at: number; followee_id: string } | undefined, limit: number) =>
        q()
          .selectFrom('social_follows')
          .select(['followee_id', 'created_at'])
          .where('follower_id', '=', accountId)
          .$if(after !== undefined, (qb) =>
            qb.where((eb) =>
              eb(
                eb.refTuple('created_at', 'followee_id'),
                '>',
                eb.tuple(after!.created_at, after!.followee_id),
              ),
            ),
          )
          .orderBy('created_at')
          .orderBy('followee_id')
          .limit(limit)
          .execute(),

    /** Who follows the account, oldest first, after `after` (export pages; the followee index). */
    followersPages:
      (accountId: string) =>
      (after: { created_at: number; follower_id: string } | undefined, limit: number) =>
        q()
          .selectFrom('social_follows')
          .select(['follower_id', 'created_at'])
          .where('followee_id', '=', accountId)
          .$if(after !== undefined, (qb) =>
            qb.where((eb) =>
              eb(
                eb.refTuple('created_at', 'follower_id'),
                '>',
                eb.tuple(after!.created_at, after!.follower_id),
              ),
            ),
          )
          .orderBy('created_at')
          .orderBy('follower_id')
          .limit(limit)
          .execute(),

    /** Removes every follow of the account and moves the other sides' counts with it. */
    async eraseAccount(accountId: string, db: Executor) {
      const trx = q(db);
      await trx
        .updateTable('social_follow_counts')
        .set((eb) => ({ followers: eb('followers', '-', 1) }))
        .where(
          'account_id',
          'in',
          trx.selectFrom('social_follows').select('followee_id').where('follower_id', '=', accountId),
        )
        .execute();
      await trx
        .updateTable('social_follow_counts')
        .set((eb) => ({ following: eb('following', '-', 1) }))
        .where(
          'account_id',
          'in',
          trx.selectFrom('social_follows').select('follower_id').where('followee_id', '=', accountId),
        )
        .execute();
      await trx
        .deleteFrom('social_follows')
        .where((eb) => eb.or([eb('follower_id', '=', accountId), eb('followee_id', '=', accountId)]))
        .execute();
      await trx.deleteFrom('social_follow_counts').where('account_id', '=', accountId).execute();
    },
  };
}

export type FollowsStore = ReturnType<typeof createFollowsStore>;
