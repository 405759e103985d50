import type { CalendarDate } from '../calendar/taipei-date.ts';
import type { CardLevel, LocalizedText, RateBps } from '../program/types.ts';

/**
 * What the engine reads of a settled transaction. Amounts are integers in ISO 4217 minor units
 * (TWD has exponent 2: NT$250 is 25000), as the card network sends them.
 */
export interface EarningTransaction {
  readonly id: string;
  /** In the transaction currency's minor units. */
  readonly amountMinor: number;
  readonly currency: string;
  /** What the card is billed in TWD minor units (for an installment: this installment). */
  readonly billedAmountTwdMinor: number;
  readonly merchant: {
    readonly id: string;
    readonly name: string;
    /** ISO 18245, four digits as the network sends it, e.g. '5812'. */
    readonly mcc: string;
    /** ISO 3166 alpha-2. */
    readonly country: string;
    /** Card present (chip, contactless, swipe) or not (online, mail, phone). */
    readonly presence: 'in_person' | 'online';
  };
  readonly transactionAt: number;
  readonly settledAt: number;
  /** Present on installment purchases; `index` is 1-based. */
  readonly installments?: { readonly count: number; readonly index: number };
}

/** The card as of the selection date; resolving level changes ("effective next month") is the caller's job. */
export interface CardState {
  readonly level: CardLevel;
  /** 1–12, or null when unknown. */
  readonly birthMonth: number | null;
  /** Eligibility flags with the first date they count from, e.g. `{ kids: '2025-09-01' }`. */
  readonly eligibleFrom: Readonly<Record<string, CalendarDate>>;
}

/** Bonus points used so far per cap period, keyed by `capKey()`. */
export type CapUsage = Readonly<Record<string, number>>;

/** How a line's points were computed: the exact value, then whole points. */
export interface Calculation {
  readonly basisTwdMinor: number;
  readonly rateBps: RateBps;
  /** The exact points before rounding and caps, as a decimal string ("0.75"); exact, never a float. */
  readonly exactPoints: string;
  /**
   * The line's whole points before its caps: its exact value rounded half-up on its own (per-line
   * rounding), or its share of the transaction's total rounded once (see `TotalRounding`).
   */
  readonly roundedPoints: number;
}

/**
 * How the transaction's total was rounded, on each line of a transaction rounded once (the
 * program's `rounding: 'transaction'`). Absent on lines rounded on their own.
 */
export interface TotalRounding {
  /** This line's exact points after its caps: what it adds to the total. */
  readonly lineExactPoints: string;
  /** The transaction's exact points (every line after caps), then that rounded half-up once. */
  readonly exactPoints: string;
  readonly points: number;
}

/** The transaction facts that shaped every line, kept on each line so it explains itself. */
export interface EarningBasis {
  readonly selectionDate: CalendarDate;
  readonly billedAmountTwdMinor: number;
  readonly foreign: {
    readonly currency: string;
    readonly amountMinor: number;
    readonly country: string;
  } | null;
  readonly installment: { readonly count: number; readonly index: number } | null;
}

export type BonusSkip =
  | { readonly code: 'no_plan' }
  | { readonly code: 'installment_general_only'; readonly since: CalendarDate }
  | { readonly code: 'not_birth_month'; readonly plan: LocalizedText }
  | { readonly code: 'not_eligible'; readonly plan: LocalizedText; readonly flag: string }
  | { readonly code: 'no_channel'; readonly plan: LocalizedText };

export interface CapState {
  readonly capId: string;
  readonly key: string;
  readonly period: 'month' | 'window';
  readonly scope: 'plan' | 'channel';
  readonly limitPoints: number;
  readonly usedBefore: number;
  /** Room left after this line. */
  readonly remainingAfter: number;
}

/** A change to a cap's usage: bonus lines add, clawbacks give room back. */
export interface CapUse {
  readonly key: string;
  readonly points: number;
}

export interface GeneralLine {
  readonly kind: 'general';
  readonly points: number;
  readonly calc: Calculation;
  readonly basis: EarningBasis;
  /** Why no bonus line follows, when none does. */
  readonly bonusSkipped: BonusSkip | null;
  readonly total?: TotalRounding;
}

export interface BonusLine {
  readonly kind: 'bonus';
  readonly points: number;
  readonly calc: Calculation;
  readonly basis: EarningBasis;
  readonly plan: { readonly id: string; readonly versionId: string; readonly names: LocalizedText };
  readonly channel: { readonly id: string; readonly names: LocalizedText };
  /** The channel's advertised total rate; `calc.rateBps` is that minus the general rate. */
  readonly channelRateBps: RateBps;
  readonly generalRateBps: RateBps;
  /** Set when the rate depended on the level. */
  readonly level: CardLevel | null;
  readonly caps: readonly CapState[];
  /** Points the caps withheld (calc.roundedPoints − points). */
  readonly cappedPoints: number;
  readonly capUse: readonly CapUse[];
  readonly total?: TotalRounding;
}

export interface ClawbackLine {
  readonly kind: 'clawback';
  /** Negative or zero. */
  readonly points: number;
  readonly of: 'general' | 'bonus';
  readonly originalPoints: number;
  /** The currency of the three amounts below (the original transaction's). */
  readonly currency: string;
  readonly originalAmountMinor: number;
  readonly refundMinor: number;
  readonly refundedBeforeMinor: number;
  /** The exact share of the original points this refund takes back, as a decimal string. */
  readonly exactPoints: string;
  readonly capUse: readonly CapUse[];
  /** Set when the earning was rounded once per transaction: so is its clawback. */
  readonly total?: ClawbackTotal;
}

/** A refund's clawback from the whole transaction, rounded once on the running total of refunds. */
export interface ClawbackTotal {
  /** What the transaction earned, every line together. */
  readonly earnedPoints: number;
  /** earnedPoints × refund ÷ original, exact. */
  readonly exactPoints: string;
  /** What this refund takes back from the transaction, before it is shared over the lines. */
  readonly points: number;
}

export type EarningLine = GeneralLine | BonusLine | ClawbackLine;
