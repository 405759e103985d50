import type { Kysely } from 'kysely';
import { CARD_BUCKETS } from './accounts.ts';
import type { CardBalances } from './balance-store.ts';
import { lockLedger } from './lock.ts';
import type { LedgerStore } from './store.ts';
import type { RewardsLedgerTables } from './tables.ts';

/** A card whose stored balance row is not what its postings sum to. */
export interface BalanceMismatch {
  readonly cardId: string;
  /** The row as stored (zeros when it is missing). */
  readonly stored: CardBalances;
  /** What the card's postings sum to: the truth. */
  readonly postings: CardBalances;
}

const ZERO: CardBalances = { pending: 0, available: 0, receivable: 0 };

/**
 * Compares every card's balance row with the sums of its postings, inside one transaction so
 * both reads see the same ledger. Empty when the projection is right. Reads every posting: an
 * operator's check, not something a request does.
 */
export function verifyCardBalances(
  db: Kysely<RewardsLedgerTables>,
  store: LedgerStore,
): Promise<BalanceMismatch[]> {
  return db.transaction().execute(async (trx) => {
    await lockLedger(trx);
    const stored = await store.storedBalances(trx);
    const summed = await store.summedBalances(trx);
    const mismatches: BalanceMismatch[] = [];
    for (const cardId of new Set([...stored.keys(), ...summed.keys()])) {
      const row = stored.get(cardId) ?? ZERO;
      const truth = summed.get(cardId) ?? ZERO;
      if (CARD_BUCKETS.some((bucket) => row[bucket] !== truth[bucket]))
        mismatches.push({ cardId, stored: row, postings: truth });
    }
    return mismatches.sort((a, b) => a.cardId.localeCompare(b.cardId));
  });
}

/**
 * Sets every card's balance row to the sums of its postings (the postings are never touched),
 * holding the ledger lock so no writer changes balances meanwhile. For repairing a projection
 * that `verifyCardBalances` found wrong.
 */
export function rebuildCardBalances(db: Kysely<RewardsLedgerTables>, store: LedgerStore): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await lockLedger(trx);
    await store.rebuildBalances(trx);
  });
}
