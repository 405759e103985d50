import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';

/**
 * Display names found by their beginning, case-insensitively (`accounts/account-directory.ts`,
 * the bank console's cardholder search). PostgreSQL needs `text_pattern_ops` for a prefix LIKE
 * to use the index whatever the database's collation; SQLite compares the lowered bytes.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres')
    await sql`create index profiles_name_prefix on profiles (lower(display_name) text_pattern_ops, account_id)`.execute(
      db,
    );
  else await sql`create index profiles_name_prefix on profiles (lower(display_name), account_id)`.execute(db);
}
