import type { Kysely } from 'kysely';
import type { Executor } from '../contracts.ts';

export interface BlocksTables {
  blocks: { blocker_id: string; blocked_id: string; created_at: number };
}

export function createBlocksStore(root: Kysely<BlocksTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<BlocksTables>;
  return {
    /** Runs `work` in one transaction; everything it passes `trx` to commits or rolls back together. */
    transaction: <T>(work: (trx: Executor) => Promise<T>) => root.transaction().execute(work),
    /** True when a row was added (false when it already existed). */
    async insert(blockerId: string, blockedId: string, nowMs: number, db?: Executor): Promise<boolean> {
      const result = await q(db)
        .insertInto('blocks')
        .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: nowMs })
        .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    remove: (blockerId: string, blockedId: string, db?: Executor) =>
      q(db)
        .deleteFrom('blocks')
        .where('blocker_id', '=', blockerId)
        .where('blocked_id', '=', blockedId)
        .execute(),
    async eitherBlocks(a: string, b: string, db?: Executor): Promise<boolean> {
      const row = await q(db)
        .selectFrom('blocks')
        .select('blocker_id')
        .where((eb) =>
          eb.or([
            eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
            eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
          ]),
        )
        .executeTakeFirst();
      return row !== undefined;
    },
    async blocks(blockerId: string, blockedId: string, db?: Executor): Promise<boolean> {
      const row = await q(db)
        .selectFrom('blocks')
        .select('blocker_id')
        .where('blocker_id', '=', blockerId)
        .where('blocked_id', '=', blockedId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async related(accountId: string, db?: Executor): Promise<string[]> {
      const rows = await q(db)
        .selectFrom('blocks')
        .select('blocked_id as other')
        .where('blocker_id', '=', accountId)
        .union(q(db).selectFrom('blocks').select('blocker_id as other').where('blocked_id', '=', accountId))
        .execute();
      return rows.map((r) => r.other);
    },
    /** `related` for many accounts in one query: each account's list, accounts without blocks absent. */
    async relatedMany(accountIds: string[], db?: Executor): Promise<Map<string, string[]>> {
      const lists = new Map<string, string[]>();
      if (accountIds.length === 0) return lists;
      const rows = await q(db)
        .selectFrom('blocks')
        .select(['blocker_id', 'blocked_id'])
        .where((eb) => eb.or([eb('blocker_id', 'in', accountIds), eb('blocked_id', 'in', accountIds)]))
        .execute();
      const wanted = new Set(accountIds);
      const add = (account: string, other: string) => {
        if (!wanted.has(account)) return;
        const list = lists.get(account) ?? [];
        if (!list.includes(other)) list.push(other);
        lists.set(account, list);
      };
      for (const row of rows) {
        add(row.blocker_id, row.blocked_id);
        add(row.blocked_id, row.blocker_id);
      }
      return lists;
    },
    listBlockedBy: (blockerId: string, db?: Executor) =>
      q(db)
        .selectFrom('blocks')
        .select(['blocked_id', 'created_at'])
        .where('blocker_id', '=', blockerId)
        .orderBy('created_at', 'desc')
        .execute(),
    /** The accounts the blocker blocks, by id after `afterId` (export pages; keyset on the key). */
    blockedPages: (blockerId: string) => (after: { blocked_id: string } | undefined, limit: number) =>
      q()
        .selectFrom('blocks')
        .select(['blocked_id', 'created_at'])
        .where('blocker_id', '=', blockerId)
        .$if(after !== undefined, (qb) => qb.where('blocked_id', '>', after!.blocked_id))
        .orderBy('blocked_id')
        .limit(limit)
        .execute(),
    eraseAccount: (accountId: string, db: Executor) =>
      q(db)
        .deleteFrom('blocks')
        .where((eb) => eb.or([eb('blocker_id', '=', accountId), eb('blocked_id', '=', accountId)]))
        .execute(),
  };
}

export type BlocksStore = ReturnType<typeof createBlocksStore>;
