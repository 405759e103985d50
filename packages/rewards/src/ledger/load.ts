import type { Kysely } from 'kysely';
import { cardAccount } from './accounts.ts';
import type { LedgerStore } from './store.ts';
import type { RewardsLedgerTables } from './tables.ts';
import type { LoadedBalances } from './working-set.ts';

interface PostingSides {
  readonly settlement_id: string | null;
  readonly leg: string;
  readonly debit_account: string;
  readonly credit_account: string;
  readonly amount: number | string;
  readonly card_id: string;
}

/** Points still pending per settlement, and which settlements were released, from their postings. */
export function pendingBySettlement(rows: readonly PostingSides[]): {
  pending: Map<string, number>;
  released: Set<string>;
} {
  const pending = new Map<string, number>();
  const released = new Set<string>();
  for (const row of rows) {
    if (row.settlement_id === null) continue;
    const account = cardAccount(row.card_id, 'pending');
    const delta =
      (row.credit_account === account ? Number(row.amount) : 0) -
      (row.debit_account === account ? Number(row.amount) : 0);
    if (delta !== 0) pending.set(row.settlement_id, (pending.get(row.settlement_id) ?? 0) + delta);
    if (row.leg === 'release') released.add(row.settlement_id);
  }
  return { pending, released };
}

/**
 * Reads what a writer needs before deciding, set-based: the pending points of every settlement
 * in `transactionIds`, what `owingCards` owe, and the available balance of `spendingCards` (the
 * cards a clawback may take from; summing a card's whole history is only done for those).
 */
export async function loadBalances(
  store: LedgerStore,
  db: Kysely<RewardsLedgerTables>,
  scope: {
    transactionIds: readonly string[];
    owingCards: readonly string[];
    spendingCards: readonly string[];
  },
): Promise<LoadedBalances> {
  const [postings, available, owed] = await Promise.all([
    store.postingsOfTransactions([...new Set(scope.transactionIds)], db),
    store.availableOf([...new Set(scope.spendingCards)], db),
    store.owedBy([...new Set(scope.owingCards)], db),
  ]);
  const { pending, released } = pendingBySettlement(postings);
  return { pendingBySettlement: pending, released, available, owed };
}
