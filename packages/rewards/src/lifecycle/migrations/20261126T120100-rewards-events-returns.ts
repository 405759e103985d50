import { type Kysely, sql } from 'kysely';

/**
 * Refunds and chargebacks by the settlement they return. A batch that applies a return reads what
 * earlier returns of the same settlement took back; this small partial index (returns are a few
 * percent of events) answers that without reading the settlement's whole transaction.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('rewards_events_returns')
    .on('rewards_events')
    .column('original_event_id')
    .where(sql<boolean>`type in ('refund', 'chargeback')`)
    .execute();
}
