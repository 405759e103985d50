import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';

/**
 * The key columns of events, transactions and cap uses compare bytes (collation "C") on
 * PostgreSQL, for the reason the ledger's do (20261126T140000-rewards-ledger-byte-order): ASCII
 * ids sort the same, and comparisons stop calling strcoll.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table rewards_events
    alter column id type varchar(64) collate "C",
    alter column transaction_id type varchar(36) collate "C",
    alter column original_event_id type varchar(64) collate "C"`.execute(db);
  await sql`alter table rewards_transactions
    alter column id type varchar(36) collate "C",
    alter column card_id type varchar(36) collate "C"`.execute(db);
  await sql`alter table rewards_cap_uses
    alter column card_id type varchar(36) collate "C",
    alter column cap_key type varchar(200) collate "C"`.execute(db);
}
