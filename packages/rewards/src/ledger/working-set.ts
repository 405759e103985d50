import { BANK_LIABILITY, cardAccount, type PostingLeg, postingId, WHOLE_EVENT_LINE } from './accounts.ts';
import { releaseOf, splitClawback } from './rules.ts';
import type { PostingRow } from './tables.ts';

/** A settlement as the ledger sees it: whose points, in which transaction. */
export interface SettlementRef {
  readonly settlementId: string;
  readonly cardId: string;
  readonly transactionId: string;
}

/** What a writer loaded before deciding: per-settlement pending points, per-card balances. */
export interface LoadedBalances {
  readonly pendingBySettlement: ReadonlyMap<string, number>;
  readonly released: ReadonlySet<string>;
  readonly available: ReadonlyMap<string, number>;
  readonly owed: ReadonlyMap<string, number>;
}

/**
 * The ledger state one writer works on in memory, and the postings it decides. A batch loads
 * the state it needs in a few set-based reads, applies its events here one after another (each
 * sees the effect of the ones before), then writes `postings` in bulk.
 */
export class LedgerWorkingSet {
  /** Postings decided and not yet taken for writing. */
  readonly postings: PostingRow[] = [];
  /** Settlements released and not yet taken (their queue rows go). */
  readonly releasedNow: string[] = [];
  private readonly pending: Map<string, number>;
  private readonly released: Set<string>;
  private readonly available: Map<string, number>;
  private readonly owed: Map<string, number>;

  constructor(
    loaded: LoadedBalances,
    private readonly options: { readonly recordedAt: number; readonly allowNegativeAvailable: boolean },
  ) {
    this.pending = new Map(loaded.pendingBySettlement);
    this.released = new Set(loaded.released);
    this.available = new Map(loaded.available);
    this.owed = new Map(loaded.owed);
  }

  /** Hands over what was decided since the last call, for writing; the state stays. */
  take(): { postings: PostingRow[]; released: string[] } {
    return { postings: this.postings.splice(0), released: this.releasedNow.splice(0) };
  }

  pendingOf(settlementId: string): number {
    return this.pending.get(settlementId) ?? 0;
  }

  isReleased(settlementId: string): boolean {
    return this.released.has(settlementId);
  }

  /** Points a settlement line earned: bank → the card's pending. */
  earn(ref: SettlementRef, lineNo: number, points: number, effectiveAt: number): void {
    if (points <= 0) return;
    this.post(
      ref,
      ref.settlementId,
      lineNo,
      'earn',
      BANK_LIABILITY,
      cardAccount(ref.cardId, 'pending'),
      points,
      effectiveAt,
    );
    this.pending.set(ref.settlementId, this.pendingOf(ref.settlementId) + points);
  }

  /** Takes `points` (> 0) back for a refund or chargeback line, per `splitClawback`. */
  clawback(ref: SettlementRef, eventId: string, lineNo: number, points: number, effectiveAt: number): void {
    if (points <= 0) return;
    const available = this.balance(this.available, ref.cardId, 'available');
    const split = splitClawback(points, {
      pendingOfSettlement: this.pendingOf(ref.settlementId),
      available,
      allowNegativeAvailable: this.options.allowNegativeAvailable,
    });
    const card = (bucket: 'pending' | 'available' | 'receivable') => cardAccount(ref.cardId, bucket);
    const legs: [PostingLeg, string, number][] = [
      ['clawback_pending', card('pending'), split.fromPending],
      ['clawback_available', card('available'), split.fromAvailable],
      ['clawback_receivable', card('receivable'), split.fromReceivable],
    ];
    for (const [leg, from, amount] of legs) {
      if (amount > 0) this.post(ref, eventId, lineNo, leg, from, BANK_LIABILITY, amount, effectiveAt);
    }
    this.pending.set(ref.settlementId, this.pendingOf(ref.settlementId) - split.fromPending);
    this.available.set(ref.cardId, available - split.fromAvailable);
    this.owed.set(ref.cardId, this.balance(this.owed, ref.cardId, 'owed') + split.fromReceivable);
  }

  /** Moves what the settlement still has pending to available, repaying what the card owes. Once per settlement. */
  release(ref: SettlementRef, effectiveAt: number): void {
    if (this.released.has(ref.settlementId)) return;
    const owed = this.balance(this.owed, ref.cardId, 'owed');
    const { release, repay } = releaseOf(this.pendingOf(ref.settlementId), owed);
    const card = (bucket: 'pending' | 'available' | 'receivable') => cardAccount(ref.cardId, bucket);
    const id = ref.settlementId;
    if (release > 0)
      this.post(
        ref,
        id,
        WHOLE_EVENT_LINE,
        'release',
        card('pending'),
        card('available'),
        release,
        effectiveAt,
      );
    if (repay > 0)
      this.post(
        ref,
        id,
        WHOLE_EVENT_LINE,
        'repay',
        card('available'),
        card('receivable'),
        repay,
        effectiveAt,
      );
    this.pending.set(id, this.pendingOf(id) - release);
    if (this.available.has(ref.cardId))
      this.available.set(ref.cardId, (this.available.get(ref.cardId) ?? 0) + release - repay);
    this.owed.set(ref.cardId, owed - repay);
    this.released.add(id);
    this.releasedNow.push(id);
  }

  private balance(map: Map<string, number>, cardId: string, what: string): number {
    const value = map.get(cardId);
    // A writer must load the balances of every card it may take points from: a silent 0 here
    // would wrongly record a shortfall.
    if (value === undefined) throw new Error(`The ${what} balance of card ${cardId} was not loaded`);
    return value;
  }

  private post(
    ref: SettlementRef,
    eventId: string,
    lineNo: number,
    leg: PostingLeg,
    debit: string,
    credit: string,
    amount: number,
    effectiveAt: number,
  ): void {
    this.postings.push({
      id: postingId(eventId, lineNo, leg, effectiveAt),
      event_id: eventId,
      line_no: lineNo,
      leg,
      card_id: ref.cardId,
      transaction_id: ref.transactionId,
      settlement_id: ref.settlementId,
      debit_account: debit,
      credit_account: credit,
      amount,
      effective_at: effectiveAt,
      recorded_at: this.options.recordedAt,
    });
  }
}
