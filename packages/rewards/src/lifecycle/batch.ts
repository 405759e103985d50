import { type CalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import type { CardProfile, EventOutcome, NetworkEventType } from '../contracts.ts';
import { pointsAvailableOn } from '../earning/availability.ts';
import { addCapUsage } from '../earning/caps.ts';
import type { CapUsage, EarningLine } from '../earning/types.ts';
import type { PostingRow, ReleaseQueueRow } from '../ledger/tables.ts';
import type { LedgerWorkingSet, SettlementRef } from '../ledger/working-set.ts';
import type { Program } from '../program/types.ts';
import { type ParsedEvent, parseStored } from './event.ts';
import type { CapUseRow, EventInsert, EventRow, StoredStatus, TransactionRow } from './tables.ts';
import type { EventProblem } from './validate.ts';

/** An event of the batch that passed validation and names a known card. */
export interface FreshEvent {
  readonly index: number;
  readonly event: ParsedEvent;
  readonly payload: string;
  readonly fingerprint: string;
  readonly profile: CardProfile;
}

/** An event this batch knows: stored before, or accepted by this batch. Mutable while the batch runs. */
export interface KnownEvent {
  readonly id: string;
  readonly type: NetworkEventType;
  readonly cardId: string;
  readonly event: ParsedEvent;
  readonly payload: string;
  readonly fingerprint: string;
  /** true once its row is written or was there before (a change is then an update). */
  stored: boolean;
  transactionId: string | null;
  status: StoredStatus;
  lines: EarningLine[] | null;
  points: number | null;
  error: EventProblem | null;
  recordedAt: number;
}

/** A settlement a return can claw back from. */
export interface SettlementState {
  readonly known: KnownEvent;
  readonly ref: SettlementRef;
  readonly availableOn: CalendarDate;
  /** What returns (refunds and chargebacks) took back so far, in the settlement's currency. */
  refundedMinor: number;
}

/**
 * One ingestion batch in memory: what it loaded, the rules' working state, and the rows it will
 * write. Rules (settle.ts, returns.ts) read and change it; the ingestor loads and writes it.
 */
export class Batch {
  readonly known = new Map<string, KnownEvent>();
  readonly settlements = new Map<string, SettlementState>();
  /** Held returns by the settlement they wait for, oldest first. */
  readonly held = new Map<string, KnownEvent[]>();
  readonly capUsage: Map<string, CapUsage>;
  /** Outcomes of events seen earlier in this batch, for a repeat within it. */
  readonly inBatch = new Map<string, { fingerprint: string; outcome: EventOutcome }>();

  readonly newEvents = new Map<string, KnownEvent>();
  readonly changedHeld: KnownEvent[] = [];
  readonly transactions = new Map<string, TransactionRow>();
  readonly queue = new Map<string, ReleaseQueueRow>();
  readonly capUses: CapUseRow[] = [];
  private readonly availableOnBySettledDate = new Map<CalendarDate, CalendarDate>();

  constructor(
    readonly program: Program,
    readonly ledger: LedgerWorkingSet,
    readonly recordedAt: number,
    capUsage: Map<string, CapUsage>,
  ) {
    this.capUsage = capUsage;
  }

  /** `pointsAvailableOn`, once per settlement date: a batch settles thousands of events on a few dates. */
  availableOn(settledAt: number): CalendarDate {
    const date = taipeiDate(settledAt);
    let found = this.availableOnBySettledDate.get(date);
    if (found === undefined) {
      found = pointsAvailableOn(this.program.settings, settledAt);
      this.availableOnBySettledDate.set(date, found);
    }
    return found;
  }

  /** Remembers an event the batch accepted (applied or held), to be inserted. */
  accept(known: KnownEvent): void {
    this.known.set(known.id, known);
    this.newEvents.set(known.id, known);
  }

  /** Lists the purchase, keeping the earliest transaction time of its events. */
  touchTransaction(id: string, cardId: string, rootEventId: string, transactionAt: number): void {
    const current = this.transactions.get(id);
    if (current && current.transaction_at <= transactionAt) return;
    this.transactions.set(id, {
      id,
      card_id: cardId,
      root_event_id: rootEventId,
      transaction_at: transactionAt,
      recorded_at: this.recordedAt,
    });
  }

  hold(known: KnownEvent, waitsFor: string): void {
    const list = this.held.get(waitsFor) ?? [];
    list.push(known);
    this.held.set(waitsFor, list);
  }

  /** A stored held event changed state: its row is updated at the end. */
  heldChanged(known: KnownEvent): void {
    if (known.stored) this.changedHeld.push(known);
  }

  /** Keeps the batch's cap usage current and indexes the cap keys of the event's lines. */
  recordCapUse(known: KnownEvent): void {
    const lines = known.lines ?? [];
    this.capUsage.set(known.cardId, addCapUsage(this.capUsage.get(known.cardId) ?? {}, lines));
    lines.forEach((line, i) => {
      if (line.kind === 'general') return;
      for (const use of line.capUse) {
        this.capUses.push({
          event_id: known.id,
          line_no: i + 1,
          cap_key: use.key,
          card_id: known.cardId,
          points: use.points,
        });
      }
    });
  }

  /**
   * Hands over the rows decided since the last call, for writing, and forgets them: events
   * handed over count as stored from now on. Settlements released meanwhile leave the queue:
   * rows not yet handed over are dropped, the others deleted.
   */
  drain(): BatchRows {
    const { postings, released } = this.ledger.take();
    const queueDeletes = released.filter((id) => !this.queue.delete(id));
    const events = [...this.newEvents.values()];
    for (const known of events) known.stored = true;
    const rows: BatchRows = {
      events: events.map(toEventRow),
      heldUpdates: this.changedHeld.splice(0).map(toEventRow),
      transactions: [...this.transactions.values()],
      postings,
      queueInserts: [...this.queue.values()],
      queueDeletes,
      capUses: this.capUses.splice(0),
    };
    this.newEvents.clear();
    this.transactions.clear();
    this.queue.clear();
    return rows;
  }
}

/** What a batch writes: inserts, the updates of held events that changed, queue deletes. */
export interface BatchRows {
  readonly events: EventInsert[];
  readonly heldUpdates: EventInsert[];
  readonly transactions: TransactionRow[];
  readonly postings: PostingRow[];
  readonly queueInserts: ReleaseQueueRow[];
  readonly queueDeletes: string[];
  readonly capUses: CapUseRow[];
}

export function toEventRow(known: KnownEvent): EventInsert {
  return {
    id: known.id,
    fingerprint: known.fingerprint,
    type: known.type,
    card_id: known.cardId,
    transaction_id: known.transactionId,
    original_event_id: known.event.originalEventId,
    status: known.status,
    payload: known.event,
    lines: known.lines,
    points: known.points,
    error: known.error,
    transaction_at: known.event.transactionAt,
    recorded_at: known.recordedAt,
  };
}

export function fromEventRow(row: EventRow): KnownEvent {
  const event = parseStored(row.payload);
  return {
    id: row.id,
    type: row.type as NetworkEventType,
    cardId: row.card_id,
    event,
    payload: row.payload,
    fingerprint: row.fingerprint,
    stored: true,
    transactionId: row.transaction_id,
    status: row.status,
    lines: row.lines === null ? null : (JSON.parse(row.lines) as EarningLine[]),
    points: row.points === null ? null : Number(row.points),
    error: row.error === null ? null : (JSON.parse(row.error) as EventProblem),
    recordedAt: Number(row.recorded_at),
  };
}

/** A new event as the batch first knows it. */
export function knownFrom(fresh: FreshEvent, recordedAt: number): KnownEvent {
  return {
    id: fresh.event.id,
    type: fresh.event.type,
    cardId: fresh.profile.cardId,
    event: fresh.event,
    payload: fresh.payload,
    fingerprint: fresh.fingerprint,
    stored: false,
    transactionId: null,
    status: 'applied',
    lines: null,
    points: null,
    error: null,
    recordedAt,
  };
}
