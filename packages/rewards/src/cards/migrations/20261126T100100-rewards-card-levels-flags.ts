import type { Kysely } from 'kysely';

/**
 * A card's level changes and eligibility flags, append-only: each row is what the bank decided
 * and from which Taipei date it counts (the 1st of the next month). The level in force and the
 * flags held on a date are derived from these rows, never stored as a mutable state.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_card_levels')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('card_id', 'varchar(36)', (c) => c.notNull().references('rewards_cards.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)')
    // No foreign key: the history outlives the admin's account.
    .addColumn('account_id', 'varchar(36)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_card_levels_card')
    .on('rewards_card_levels')
    .columns(['card_id', 'effective_from'])
    .execute();
  await db.schema
    .createTable('rewards_card_flags')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('card_id', 'varchar(36)', (c) => c.notNull().references('rewards_cards.id'))
    .addColumn('flag', 'varchar(32)', (c) => c.notNull())
    .addColumn('action', 'varchar(8)', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(36)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_card_flags_card')
    .on('rewards_card_flags')
    .columns(['card_id', 'flag', 'effective_from'])
    .execute();
}
