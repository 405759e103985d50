import type { Kysely } from 'kysely';

/**
 * The bank console's card list (`cards/search-store.ts`) pages newest first by
 * (created_at, id), over every card or over the cards with some last four digits; each needs its
 * own ordered index so a page reads only its rows. Cards by holder use `rewards_cards_holder`.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('rewards_cards_newest')
    .on('rewards_cards')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('rewards_cards_last4')
    .on('rewards_cards')
    .columns(['last4', 'created_at', 'id'])
    .execute();
}
