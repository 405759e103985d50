import { type Kysely, sql } from 'kysely';

/**
 * The network's events as Rewards accepted them, and the purchases they belong to.
 *
 * `rewards_events` keeps every accepted event once, keyed by the network's id, with a
 * fingerprint of its content (the same id with other content is refused) and, for settlements,
 * refunds and chargebacks, the earning lines the engine produced (they explain every point and
 * are what a later refund claws back from). A refund that arrives before its settlement is kept
 * as `held` and becomes `applied` (or `rejected`) when the settlement arrives.
 *
 * `rewards_transactions` lists a card's purchases: one row per purchase, whose id is derived
 * from the purchase's first network event, so any arrival order names it the same.
 *
 * `rewards_cap_uses` indexes the cap keys on stored bonus and clawback lines, so a batch reads
 * the cap usage of its cards with one grouped query.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_events')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('card_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('transaction_id', 'varchar(36)')
    .addColumn('original_event_id', 'varchar(64)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('lines', 'text')
    .addColumn('points', 'bigint')
    .addColumn('error', 'text')
    .addColumn('transaction_at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_events_transaction')
    .on('rewards_events')
    .column('transaction_id')
    .execute();
  // Only held events are looked up by what they wait for; they are few, so the index is tiny.
  await db.schema
    .createIndex('rewards_events_held')
    .on('rewards_events')
    .column('original_event_id')
    .where(sql<boolean>`status = 'held'`)
    .execute();

  await db.schema
    .createTable('rewards_transactions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('card_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('root_event_id', 'varchar(64)', (c) => c.notNull())
    // The earliest transaction time among its events: the same whatever order they came in.
    .addColumn('transaction_at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_transactions_card')
    .on('rewards_transactions')
    .columns(['card_id', 'transaction_at', 'id'])
    .execute();

  await db.schema
    .createTable('rewards_cap_uses')
    .addColumn('event_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('cap_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('card_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('points', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rewards_cap_uses_pk', ['event_id', 'line_no', 'cap_key'])
    .execute();
  await db.schema
    .createIndex('rewards_cap_uses_card')
    .on('rewards_cap_uses')
    .columns(['card_id', 'cap_key'])
    .execute();
}
