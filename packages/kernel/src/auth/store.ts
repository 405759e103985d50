import type { Kysely } from 'kysely';
import type { AccountsTable, AuthTables, SessionsTable } from './types.ts';

export function createAuthStore(db: Kysely<AuthTables>) {
  // A caller may pass its transaction so account reads and writes join its unit of work.
  const q = (ex?: Kysely<AuthTables>) => ex ?? db;
  const sessionsWithAccounts = () =>
    db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select([
        'sessions.id as sessionId',
        'sessions.expires_at',
        'accounts.id as accountId',
        'accounts.handle',
        'accounts.role',
        'accounts.language',
      ]);
  return {
    /** Inserts the account and, in the same transaction, whatever `alsoInTransaction` writes (its event). */
    insertAccount: (row: AccountsTable, alsoInTransaction: (trx: Kysely<AuthTables>) => Promise<void>) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('accounts').values(row).execute();
        await alsoInTransaction(trx);
      }),
    findAccountByLogin: (login: string) =>
      db
        .selectFrom('accounts')
        .selectAll()
        .where((eb) => eb.or([eb('handle', '=', login), eb('email', '=', login)]))
        .executeTakeFirst(),
    findAccountById: (id: string, ex?: Kysely<AuthTables>) =>
      q(ex).selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst(),
    findAccountByHandle: (handle: string) =>
      db.selectFrom('accounts').selectAll().where('handle', '=', handle).executeTakeFirst(),
    findAccountsByIds: (ids: string[], ex?: Kysely<AuthTables>) =>
      ids.length === 0
        ? Promise.resolve([])
        : q(ex).selectFrom('accounts').selectAll().where('id', 'in', ids).execute(),
    handleOrEmailTaken: (handle: string, email: string) =>
      db
        .selectFrom('accounts')
        .select(['handle', 'email'])
        .where((eb) => eb.or([eb('handle', '=', handle), eb('email', '=', email)]))
        .execute(),
    updatePasswordHash: (id: string, hash: string) =>
      db.updateTable('accounts').set({ password_hash: hash }).where('id', '=', id).execute(),
    updateLanguage: (id: string, language: AccountsTable['language'], ex?: Kysely<AuthTables>) =>
      q(ex).updateTable('accounts').set({ language }).where('id', '=', id).execute(),
    updateRole: (id: string, role: AccountsTable['role']) =>
      db.updateTable('accounts').set({ role }).where('id', '=', id).execute(),
    deleteAccount: (id: string, ex?: Kysely<AuthTables>) =>
      q(ex).deleteFrom('accounts').where('id', '=', id).execute(),
    countAccounts: async () =>
      Number(
        (
          await db
            .selectFrom('accounts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    insertSession: (row: SessionsTable) => db.insertInto('sessions').values(row).execute(),
    findSessionByTokenHash: (tokenHash: string) =>
      sessionsWithAccounts().where('sessions.token_hash', '=', tokenHash).executeTakeFirst(),
    /** Sessions of many tokens in one query, by token hash (missing hashes have none). */
    findSessionsByTokenHashes: async (tokenHashes: string[]) =>
      new Map(
        tokenHashes.length === 0
          ? []
          : (
              await sessionsWithAccounts()
                .select('sessions.token_hash')
                .where('sessions.token_hash', 'in', tokenHashes)
                .execute()
            ).map(({ token_hash, ...row }) => [token_hash, row]),
      ),
    deleteSession: (id: string) => db.deleteFrom('sessions').where('id', '=', id).execute(),
    deleteOtherSessions: (accountId: string, keepId: string) =>
      db.deleteFrom('sessions').where('account_id', '=', accountId).where('id', '!=', keepId).execute(),
    listSessions: (accountId: string) =>
      db
        .selectFrom('sessions')
        .select(['id', 'created_at', 'expires_at'])
        .where('account_id', '=', accountId)
        .execute(),
  };
}

export type AuthStore = ReturnType<typeof createAuthStore>;
