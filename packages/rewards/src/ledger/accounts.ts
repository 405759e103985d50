import { derivedId, timeOrderedId } from './derived-id.ts';

/**
 * Ledger accounts are named by strings so that new kinds (merchant-funded pools,
 * `merchant:<id>:pool`) need no schema change. A balance is credits minus debits: a card's
 * accounts hold points; the bank's liability account goes negative by exactly the points it
 * owes cardholders, so all balances together always sum to zero.
 */
export const BANK_LIABILITY = 'bank:points_liability';

/** The card's buckets: points waiting for their business day, points to use, points it owes. */
export type CardBucket = 'pending' | 'available' | 'receivable';
export const CARD_BUCKETS: readonly CardBucket[] = ['pending', 'available', 'receivable'];

export function cardAccount(cardId: string, bucket: CardBucket): string {
  return `card:${cardId}:${bucket}`;
}

/** The bucket an account is for a card, or null for the bank or another card. */
export function bucketOf(account: string, cardId: string): CardBucket | null {
  const prefix = `card:${cardId}:`;
  if (!account.startsWith(prefix)) return null;
  const bucket = account.slice(prefix.length);
  return (CARD_BUCKETS as readonly string[]).includes(bucket) ? (bucket as CardBucket) : null;
}

/**
 * What a posting is for. Earn: bank → pending. Clawback legs return points to the bank from
 * pending, available, or (when available cannot cover it) the receivable. Release: pending →
 * available on the business day. Repay: available → receivable, settling what the card owes.
 * Spend: available → bank, when the holder uses points.
 */
export type PostingLeg =
  | 'earn'
  | 'clawback_pending'
  | 'clawback_available'
  | 'clawback_receivable'
  | 'release'
  | 'repay'
  | 'spend';

/** Line 0 is for postings that belong to a settlement as a whole (release, repay) or to a spend. */
export const WHOLE_EVENT_LINE = 0;

/**
 * The id of a posting an event causes: a function of the event, the line, the leg and the
 * posting's effective time, which the event itself fixes (its settlement or return time, or the
 * start of its settlement's business day for a release). Time first keeps the primary key's
 * inserts in order.
 */
export function postingId(eventId: string, lineNo: number, leg: PostingLeg, effectiveAt: number): string {
  return timeOrderedId(effectiveAt, 'posting', eventId, String(lineNo), leg);
}

/**
 * A spend's posting id: a function of its event id (its reference) only, never of time, so a retry of the
 * same spend, whenever it comes, finds the posting the first one wrote.
 */
export function spendPostingId(spendEventId: string): string {
  return derivedId('posting', spendEventId, String(WHOLE_EVENT_LINE), 'spend');
}
