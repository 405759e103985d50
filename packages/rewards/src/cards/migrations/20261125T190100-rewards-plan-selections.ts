import type { Kysely } from 'kysely';

/**
 * Every plan a primary card selected, append-only (rows are never updated). A selection applies
 * from 00:00 Asia/Taipei of `taipei_date`; the primary key allows one per card per Taipei day,
 * so a second switch the same day is refused by the database too, even when two race (§1.2).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_plan_selections')
    .addColumn('card_id', 'varchar(36)', (c) => c.notNull().references('rewards_cards.id'))
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('taipei_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('selected_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rewards_plan_selections_pk', ['card_id', 'taipei_date'])
    .execute();
}
