import type { EarningLine } from '../earning/types.ts';
import type { ParsedEvent } from './event.ts';
import type { EventProblem } from './validate.ts';

export type StoredStatus = 'applied' | 'held' | 'rejected';

export interface EventRow {
  /** The network's id. */
  id: string;
  /** SHA-256 of the canonical event: the same id with another fingerprint is another event. */
  fingerprint: string;
  type: string;
  /** The Plaza card, resolved from the id or token the network sent. */
  card_id: string;
  /** null while a refund is held (its settlement, and so its purchase, is not known yet). */
  transaction_id: string | null;
  original_event_id: string | null;
  status: StoredStatus;
  /** The canonical event (`canonicalJson`). */
  payload: string;
  /** The engine's earning or clawback lines, JSON, for settlements and applied returns. */
  lines: string | null;
  /** Points the event moved when applied (negative for clawbacks). */
  points: number | null;
  /** Why a held event was refused when its settlement came (`EventProblem` JSON). */
  error: string | null;
  transaction_at: number;
  recorded_at: number;
}

/**
 * An event row as written: the JSON columns as values. PostgreSQL receives them nested in the
 * statement's JSON (stored as their JSON text, no string escaping); SQLite gets them stringified.
 */
export type EventInsert = Omit<EventRow, 'payload' | 'lines' | 'error'> & {
  payload: ParsedEvent;
  lines: readonly EarningLine[] | null;
  error: EventProblem | null;
};

export interface TransactionRow {
  id: string;
  card_id: string;
  root_event_id: string;
  transaction_at: number;
  recorded_at: number;
}

export interface CapUseRow {
  event_id: string;
  line_no: number;
  cap_key: string;
  card_id: string;
  points: number;
}

export interface RewardsLifecycleTables {
  rewards_events: EventRow;
  rewards_transactions: TransactionRow;
  rewards_cap_uses: CapUseRow;
}
