import type { Kysely } from 'kysely';

/**
 * The merchant directory: the names a cardholder reads for the program's merchant ids (channel
 * rules name merchants by id). A channel may name an id the directory does not know yet: the
 * card app then shows the id, and the console marks it for the bank to name.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_merchants')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name_zh_tw', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // ISO 18245, the code acquirers usually send for this merchant; null when it varies.
    .addColumn('mcc', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // No foreign key: the row outlives the admin's account. Null for the seeded names.
    .addColumn('updated_by', 'varchar(36)')
    .execute();
}
