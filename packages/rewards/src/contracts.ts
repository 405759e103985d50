import type { CalendarDate } from './calendar/taipei-date.ts';
import type { PlanSelection } from './earning/selection.ts';
import type { CardState } from './earning/types.ts';
import type { CardLevel, Program } from './program/types.ts';

/**
 * The seams between the Rewards modules. The ledger and the event lifecycle read the program
 * and the cards only through these, so the program's storage (code or the admin's tables) and
 * the cards' history can change without touching the points path.
 */

/** The program in force: a snapshot, replaced as a whole when the bank publishes a change. */
export interface ProgramSource {
  /** The current snapshot; cheap (no I/O), so hot paths may call it per transaction. */
  current(): Program;
}

/** A level the card holds from a Taipei date on (a change takes effect on the 1st of the next month). */
export interface LevelPeriod {
  readonly level: CardLevel;
  readonly from: CalendarDate;
}

/** A run of an eligibility flag: it counts from `from` up to the day before `until` (null: no end decided). */
export interface FlagPeriod {
  readonly flag: string;
  readonly from: CalendarDate;
  readonly until: CalendarDate | null;
}

/**
 * Everything the points path needs to know about one card, read in one go so that a batch of
 * events loads all its cards with a handful of queries.
 */
export interface CardProfile {
  readonly cardId: string;
  /** The network's token for the card (events may name the card by it). */
  readonly token: string;
  readonly holderAccountId: string;
  /** null for a primary card. */
  readonly primaryCardId: string | null;
  readonly birthMonth: number | null;
  /** Oldest first; the first period starts when the card was issued. */
  readonly levels: readonly LevelPeriod[];
  /**
   * Eligibility flags (e.g. `kids` for 童樂匯) held on the day the profile was read, or granted
   * from a later date, with the first Taipei date they count from.
   */
  readonly flags: Readonly<Record<string, CalendarDate>>;
  /** Every run of every flag, with its end: what `cardStateOn` judges a date by. */
  readonly flagPeriods: readonly FlagPeriod[];
  /** The plan selections that apply (a supplementary card's are its primary's), oldest first. */
  readonly selections: readonly PlanSelection[];
}

export interface CardProfiles {
  /**
   * Profiles for card references (a card id or its network token); a reference that names no
   * card is absent from the map. Keys are the references as given.
   */
  byRefs(refs: readonly string[]): Promise<Map<string, CardProfile>>;
}

/**
 * The card's state on a Taipei date, in the engine's shape. A flag counts on the date when one
 * of its runs covers it (so a purchase made before a flag ended still earns with it, whenever it
 * settles); a flag not held that day but granted from a later date shows that date.
 */
export function cardStateOn(profile: CardProfile, date: CalendarDate): CardState {
  let level: CardLevel = profile.levels[0]?.level ?? 1;
  for (const period of profile.levels) if (period.from <= date) level = period.level;
  const eligibleFrom: Record<string, CalendarDate> = {};
  for (const run of profile.flagPeriods) {
    const covers = run.from <= date && (run.until === null || run.until > date);
    const held = eligibleFrom[run.flag];
    if (covers) eligibleFrom[run.flag] = run.from;
    else if (run.from > date && (held === undefined || held > run.from)) eligibleFrom[run.flag] = run.from;
  }
  return { level, birthMonth: profile.birthMonth, eligibleFrom };
}

/** What the card network sends. Field names are the public API's (`POST /api/rewards/v1/events`). */
export type NetworkEventType =
  | 'authorization'
  | 'incremental_authorization'
  | 'authorization_reversal'
  | 'authorization_expiry'
  | 'settlement'
  | 'refund'
  | 'chargeback';

export interface NetworkMerchant {
  /** The acquirer's merchant id; the program's channel lists use the same ids. */
  readonly id: string;
  readonly name: string;
  /** ISO 18245, four digits. */
  readonly mcc: string;
  /** ISO 3166 alpha-2. */
  readonly country: string;
  /** Card present or not; absent means in person. */
  readonly presence?: 'in_person' | 'online';
}

export interface NetworkEvent {
  /** The network's id for this event: the idempotency key. */
  readonly id: string;
  readonly type: NetworkEventType;
  /** A Plaza card id or the card's network token. */
  readonly cardId: string;
  /** Integer, ISO 4217 minor units of `currency` (TWD has 2: NT$250 = 25000). */
  readonly amount: number;
  readonly currency: string;
  /** On settlements (and refunds/chargebacks when the network sends it): what the card is billed, TWD minor units. */
  readonly billedAmountTwd?: number;
  readonly merchant?: NetworkMerchant;
  /** RFC 3339 instant of the purchase. */
  readonly transactionAt: string;
  /** RFC 3339 instant of clearing; required on settlements. */
  readonly settledAt?: string;
  readonly installments?: { readonly count: number; readonly index: number };
  /** The event this one follows: the authorization a settlement clears, the settlement a refund or chargeback returns. */
  readonly originalEventId?: string;
}

export type EventStatus =
  /** Took effect now. */
  | 'applied'
  /** The same id was seen before with the same content: nothing changed. */
  | 'duplicate'
  /** Valid but waiting for the event it follows (e.g. a refund before its settlement); applied when that arrives. */
  | 'held'
  /** Refused; nothing changed. */
  | 'rejected';

export interface EventOutcome {
  readonly eventId: string;
  readonly status: EventStatus;
  /** The Plaza transaction the event belongs to, when known. */
  readonly transactionId?: string;
  /** Points this event moved (positive earned, negative clawed back), when applied. */
  readonly points?: number;
  /** Present when rejected: a stable code, a sentence, and the field at fault if any. */
  readonly error?: { readonly code: string; readonly message: string; readonly field?: string };
}

/** Events checked and matched to their cards, not applied yet: what `EventIngestor.prepare` hands to `apply`. */
export interface PreparedEvents {
  /** How many events were given (valid or not): `apply` answers this many outcomes. */
  readonly count: number;
}

/** The one way events enter Rewards: the API and the settlement-file import both call it. */
export interface EventIngestor {
  /**
   * Applies a batch in order; every event gets an outcome at its index. A bad event is rejected
   * alone and the rest of the batch goes on. Idempotent per event id. `prepare` then `apply`.
   */
  ingest(events: readonly NetworkEvent[]): Promise<EventOutcome[]>;
  /**
   * The part of `ingest` that needs neither the ledger lock nor a write: validation, the canonical
   * form, card profiles. A caller with a stream of batches prepares the next while one applies.
   */
  prepare(events: readonly NetworkEvent[]): Promise<PreparedEvents>;
  /** Applies what `prepare` returned (once), under the ledger lock. */
  apply(prepared: PreparedEvents): Promise<EventOutcome[]>;
  /** Resolves once the background work it started (planner statistics) has finished. */
  idle(): Promise<void>;
}
