import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Any fixed 64-bit number names the first lock; this one spells "plazaLdg". Partition p's lock
// is this plus p.
const LEDGER_LOCK_KEY = 0x706c_617a_614c_6467n;

/**
 * The ledger is split by card into this many partitions, each with its own lock. Everything a
 * writer decides (events seen, cap room, pending points, balances) belongs to one card, so
 * writers of different partitions cannot change what the other read and may commit side by
 * side, on PostgreSQL on two backends at once.
 */
export const LEDGER_PARTITIONS = 16;

/** Every partition, in the order locks are taken. */
export const ALL_PARTITIONS: readonly number[] = [...Array(LEDGER_PARTITIONS).keys()];

/** The partition of a card: a stable hash of its id (FNV-1a over UTF-16 code units). */
export function partitionOf(cardId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < cardId.length; i += 1) {
    hash ^= cardId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % LEDGER_PARTITIONS;
}

/**
 * Makes writers of the same partitions take turns, until the surrounding transaction ends.
 *
 * Why: a writer reads state (events already seen, cap usage, what is still pending, balances),
 * decides in memory, then writes. Under READ COMMITTED two concurrent writers of one card could
 * both see an event as new, or both spend the same cap room; SERIALIZABLE would instead abort
 * whole batches and make them retry. Transaction-level advisory locks queue the writers: one
 * round trip per batch, released by commit or rollback, and by PostgreSQL itself if the
 * process dies. Locks are always taken in ascending order, so two writers never wait for each
 * other in a circle. SQLite has a single writer anyway, and Kysely runs one transaction at a
 * time on its one connection.
 */
export async function lockPartitions(
  trx: Pick<Kysely<unknown>, 'getExecutor'>,
  partitions: readonly number[],
): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  const keys = [...new Set(partitions)].sort((a, b) => a - b).map((p) => String(LEDGER_LOCK_KEY + BigInt(p)));
  // unnest yields the array in order, so the locks are taken in ascending order.
  await sql`select pg_advisory_xact_lock(key) from unnest(${keys}::bigint[]) as key`.execute(trx);
}

/** Locks the whole ledger: for work that reads or writes across cards (release rounds, repairs). */
export function lockLedger(trx: Pick<Kysely<unknown>, 'getExecutor'>): Promise<void> {
  return lockPartitions(trx, ALL_PARTITIONS);
}
