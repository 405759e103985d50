import { type Kysely, sql } from 'kysely';

/**
 * The points ledger. `rewards_postings` is append-only: a row moves a positive number of points
 * from one account to another and is never updated or deleted; a mistake is fixed by another
 * posting. The id is derived from what caused the posting (event, line, leg), so applying the
 * same event again can only produce the same row. `recorded_at` is when Plaza wrote it and takes
 * no part in its identity.
 *
 * No foreign keys: the ingestor writes thousands of rows per batch and checks the references in
 * memory first; a foreign-key lookup per row would cost more than the rest of the insert.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_postings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('event_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('leg', 'varchar(24)', (c) => c.notNull())
    .addColumn('card_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('transaction_id', 'varchar(36)')
    .addColumn('settlement_id', 'varchar(64)')
    .addColumn('debit_account', 'varchar(80)', (c) => c.notNull())
    .addColumn('credit_account', 'varchar(80)', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('effective_at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_postings_card')
    .on('rewards_postings')
    .columns(['card_id', 'effective_at', 'id'])
    .execute();
  await db.schema
    .createIndex('rewards_postings_transaction')
    .on('rewards_postings')
    .column('transaction_id')
    .execute();
  // Receivables are rare; this keeps "what does the card owe" from reading its whole history.
  await db.schema
    .createIndex('rewards_postings_receivable')
    .on('rewards_postings')
    .column('card_id')
    .where(sql<boolean>`leg in ('clawback_receivable', 'repay')`)
    .execute();

  // Settlements whose points still wait in pending: a work list, deleted as each is released.
  await db.schema
    .createTable('rewards_release_queue')
    .addColumn('settlement_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('card_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('transaction_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('available_on', 'varchar(10)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_release_queue_due')
    .on('rewards_release_queue')
    .columns(['available_on', 'settlement_id'])
    .execute();
  await db.schema
    .createIndex('rewards_release_queue_card')
    .on('rewards_release_queue')
    .columns(['card_id', 'available_on'])
    .execute();
}
