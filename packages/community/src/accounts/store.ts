import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';
import type { Executor } from '../contracts.ts';

export interface ProfilesTable {
  account_id: string;
  /** Null means "show the handle". */
  display_name: string | null;
  bio: string;
  avatar_media_id: string | null;
  updated_at: number;
}

export interface AccountsTables {
  profiles: ProfilesTable;
}

export function createProfilesStore(root: Kysely<AccountsTables>) {
  const q = (db?: Executor) => (db ?? root) as Kysely<AccountsTables>;
  return {
    /** Runs `work` in one transaction; everything it passes `trx` to commits or rolls back together. */
    transaction: <T>(work: (trx: Executor) => Promise<T>) => root.transaction().execute(work),
    find: (accountId: string, db?: Executor) =>
      q(db).selectFrom('profiles').selectAll().where('account_id', '=', accountId).executeTakeFirst(),
    findMany: (accountIds: string[], db?: Executor) =>
      accountIds.length === 0
        ? Promise.resolve([])
        : q(db).selectFrom('profiles').selectAll().where('account_id', 'in', accountIds).execute(),
    upsert: (row: ProfilesTable, db?: Executor) =>
      q(db)
        .insertInto('profiles')
        .values(row)
        .onConflict((oc) =>
          oc.column('account_id').doUpdateSet({
            display_name: row.display_name,
            bio: row.bio,
            avatar_media_id: row.avatar_media_id,
            updated_at: row.updated_at,
          }),
        )
        .execute(),
    erase: (accountId: string, db: Executor) =>
      q(db).deleteFrom('profiles').where('account_id', '=', accountId).execute(),
    /**
     * After an erasure: SQLite (secure_delete on) has zeroed the freed cells in the database
     * file, but the write-ahead log still holds earlier copies of those pages until it is
     * checkpointed, so fold it in and truncate it. PostgreSQL leaves dead tuples for
     * (auto)vacuum, which cannot run inside the request's transaction.
     */
    async compactAfterErase(): Promise<void> {
      if (dialectOf(root) === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(root);
    },
  };
}

export type ProfilesStore = ReturnType<typeof createProfilesStore>;
