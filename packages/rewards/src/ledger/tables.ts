import type { PostingLeg } from './accounts.ts';

export interface PostingRow {
  id: string;
  /** The network event that caused it (or the reference of a spend). */
  event_id: string;
  /** The earning line of that event, or 0 for the settlement as a whole. */
  line_no: number;
  leg: PostingLeg;
  card_id: string;
  transaction_id: string | null;
  /** The settlement whose points these are; what tells pending points apart per settlement. */
  settlement_id: string | null;
  debit_account: string;
  credit_account: string;
  /** Whole points, > 0. */
  amount: number;
  /** When it took effect by the event's own dates (settlement, refund, business day): deterministic. */
  effective_at: number;
  /** When Plaza wrote it; not part of its identity. */
  recorded_at: number;
}

export interface ReleaseQueueRow {
  settlement_id: string;
  card_id: string;
  transaction_id: string;
  /** Taipei date the settlement's points become available. */
  available_on: string;
}

/**
 * A card's balance per bucket: a projection of its postings, written in the same transaction as
 * them (credits minus debits of `card:<id>:<bucket>`). `version` counts the writes that changed it.
 */
export interface CardBalanceRow {
  card_id: string;
  pending: number;
  available: number;
  receivable: number;
  version: number;
}

export interface RewardsLedgerTables {
  rewards_postings: PostingRow;
  rewards_release_queue: ReleaseQueueRow;
  rewards_card_balances: CardBalanceRow;
}
