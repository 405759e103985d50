import type { Kysely } from 'kysely';

/**
 * Cards as the bank issues them. The card number is never stored: the network identifies the
 * card by `token`, the holder sees `last4`. A supplementary card (附卡) points at its primary.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_cards')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('holder_account_id', 'varchar(36)', (c) => c.notNull().references('accounts.id'))
    .addColumn('primary_card_id', 'varchar(36)', (c) => c.references('rewards_cards.id'))
    .addColumn('token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('last4', 'varchar(4)', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('birth_month', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_cards_holder')
    .on('rewards_cards')
    .columns(['holder_account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('rewards_cards_primary')
    .on('rewards_cards')
    .column('primary_card_id')
    .execute();
}
