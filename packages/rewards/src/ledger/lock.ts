import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Any fixed 64-bit number names the lock; this one spells "plazaLdg".
const LEDGER_LOCK_KEY = 0x706c_617a_614c_6467n;

/**
 * Makes ledger writers take turns, until the surrounding transaction ends.
 *
 * Why: a writer reads state (events already seen, cap usage, what is still pending, balances),
 * decides in memory, then writes. Under READ COMMITTED two concurrent batches could both see
 * an event as new, or both spend the same cap room; SERIALIZABLE would instead abort whole
 * batches and make them retry. One transaction-level advisory lock queues the writers: it costs
 * one round trip per batch (a batch holds thousands of events), is released by commit or
 * rollback, and by PostgreSQL itself if the process dies. SQLite has a single writer anyway,
 * and Kysely runs one transaction at a time on its one connection.
 */
export async function lockLedger(trx: Pick<Kysely<unknown>, 'getExecutor'>): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(${String(LEDGER_LOCK_KEY)}::bigint)`.execute(trx);
}
