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
 * in `transactionIds` (a transaction has a handful of postings), and the balance rows of `cards`
 * (the cards that may owe, repay or lose points): one indexed probe per card, whatever the
 * length of its history.
 */
export async function loadBalances(
  store: LedgerStore,
  db: Kysely<RewardsLedgerTables>,
  scope: { transactionIds: readonly string[]; cards: readonly string[] },
): Promise<LoadedBalances> {
  const [postings, balances] = await Promise.all([
    store.postingsOfTransactions([...new Set(scope.transactionIds)], db),
    store.balancesOfCards(scope.cards, db),
  ]);
  const { pending, released } = pendingBySettlement(postings);
  const available = new Map<string, number>();
  const owed = new Map<string, number>();
  for (const [cardId, card] of balances) {
    available.set(cardId, card.available);
    // The receivable is credits minus debits: negative by what the card owes.
    owed.set(cardId, -card.receivable);
  }
  return { pendingBySettlement: pending, released, available, owed };
}
