import { type Kysely, sql } from 'kysely';

/**
 * Each card's balance per bucket, kept beside the postings. The postings stay the truth and stay
 * append-only; this row is a projection of them, changed in the same transaction as every
 * posting of the card, so a writer reads a card's balances with one indexed probe instead of
 * summing the card's whole history (which made every batch slower as the ledger grew).
 * `version` counts the writes that changed the row.
 *
 * Backfilled here from the postings already written; `rebuildCardBalances` does the same later.
 * The SQL is written out rather than imported so this migration never changes after it ran.
 * The partial index that summed what a card owes goes: the row's `receivable` answers that now,
 * and every index costs each posting insert a page.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_card_balances')
    .addColumn('card_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('pending', 'bigint', (c) => c.notNull())
    .addColumn('available', 'bigint', (c) => c.notNull())
    .addColumn('receivable', 'bigint', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  const side = (bucket: string) => sql`sum(case
      when credit_account = 'card:' || card_id || ${sql.lit(`:${bucket}`)} then amount
      when debit_account = 'card:' || card_id || ${sql.lit(`:${bucket}`)} then -amount
      else 0 end)`;
  await sql`insert into rewards_card_balances (card_id, pending, available, receivable, version)
    select card_id, ${side('pending')}, ${side('available')}, ${side('receivable')}, 1
    from rewards_postings group by card_id`.execute(db);
  await db.schema.dropIndex('rewards_postings_receivable').execute();
}
