import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';

/**
 * The ledger's key columns compare bytes (collation "C") on PostgreSQL. Its ids are ASCII (UUIDs,
 * network ids, dates), whose byte order is the order the database's default collation gives
 * them, so no answer changes; but every index insert and lookup compares keys, and a locale
 * collation makes each comparison a call into the C library's strcoll. SQLite compares bytes
 * already. The indexes on these columns are rebuilt; the rows are not rewritten.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table rewards_postings
    alter column id type varchar(36) collate "C",
    alter column card_id type varchar(36) collate "C",
    alter column transaction_id type varchar(36) collate "C"`.execute(db);
  await sql`alter table rewards_release_queue
    alter column settlement_id type varchar(64) collate "C",
    alter column card_id type varchar(36) collate "C",
    alter column available_on type varchar(10) collate "C"`.execute(db);
  await sql`alter table rewards_card_balances
    alter column card_id type varchar(36) collate "C"`.execute(db);
}
