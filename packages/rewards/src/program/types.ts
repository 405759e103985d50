import type { BusinessCalendar } from '../calendar/business-days.ts';
import type { CalendarDate } from '../calendar/taipei-date.ts';

/**
 * The program as plain data: what the bank publishes (plans, versions, channels, rates, caps)
 * and the settings that other issuers set differently. Storage and the admin API (later
 * slices) read and write exactly these shapes.
 */

export interface LocalizedText {
  readonly 'zh-TW': string;
  readonly en: string;
}

/** CUBE's 權益分級: Level 1 on approval, Level 2 paying through the app or auto-debit, Level 3 wealth-management VIPs. */
export type CardLevel = 1 | 2 | 3;

/**
 * A rate in basis points (1/10,000): 0.3% = 30, 3.3% = 330. Every published CUBE rate is a
 * whole number of basis points, so integers suffice and no float ever touches money.
 */
export type RateBps = number;

/** A channel's rate is its TOTAL rate, as the bank advertises it ("3%" includes the general 0.3%). */
export type ChannelRate =
  | { readonly kind: 'flat'; readonly bps: RateBps }
  | { readonly kind: 'by_level'; readonly bps: Readonly<Record<CardLevel, RateBps>> };

/** An MCC (ISO 18245) or an inclusive range of them. */
export type MccSpec = number | readonly [number, number];

/**
 * One way into a channel. Every condition given must hold (AND); a channel matches when any of
 * its rules does (OR). So "國內餐飲" is `{ mcc: [[5811, 5814]], region: 'domestic' }` and
 * "海外實體消費" is `{ region: 'overseas', presence: 'in_person' }`.
 */
export interface ChannelRule {
  /** The program's merchant ids (the import maps acquirer merchant ids onto these). */
  readonly merchantIds?: readonly string[];
  readonly mcc?: readonly MccSpec[];
  readonly region?: 'domestic' | 'overseas';
  readonly presence?: 'in_person' | 'online';
}

export interface Channel {
  readonly id: string;
  readonly names: LocalizedText;
  readonly rules: readonly ChannelRule[];
  readonly rate: ChannelRate;
}

/**
 * A ceiling on bonus points (the general rate is uncapped by the bank's terms), per card, over
 * a calendar month or over the version's whole window (campaigns' "活動期間每戶上限").
 */
export interface Cap {
  readonly id: string;
  readonly scope: { readonly kind: 'plan' } | { readonly kind: 'channel'; readonly channelId: string };
  readonly period: 'month' | 'window';
  readonly limitPoints: number;
}

export type Eligibility =
  | { readonly kind: 'everyone' }
  /** 慶生月: only spending in the cardholder's birth month. */
  | { readonly kind: 'birth_month' }
  /** 童樂匯 and the like: the card must carry the flag, from the date it was granted. */
  | { readonly kind: 'flag'; readonly flag: string };

/**
 * A plan as published for one window. Names live on the version because the bank may rename
 * a plan between windows, and an old transaction is explained in the words of its own time.
 */
export interface PlanVersion {
  readonly id: string;
  readonly planId: string;
  readonly names: LocalizedText;
  /**
   * Inclusive Taipei calendar dates: the transactions this version judges. In a program built
   * from the bank's tables these are the published window cut to the days the version is on the
   * shelf (see `ShelfWindow`). `validTo` null: open-ended, the version judges every day from
   * `validFrom` until the bank schedules an end (a withdrawal), so a program never runs out of
   * plans by the calendar alone.
   */
  readonly validFrom: CalendarDate;
  readonly validTo: CalendarDate | null;
  readonly eligibility: Eligibility;
  readonly channels: readonly Channel[];
  readonly caps: readonly Cap[];
  /** When the bank offers the version to cardholders; absent in programs written as code (always offered in its window). */
  readonly shelf?: ShelfWindow;
}

/**
 * The instants a version is on the shelf: offered for selection from `fromMs` until `untilMs`
 * (exclusive; null = until its window ends). Earning works in whole Taipei days, so a version
 * judges transactions from the Taipei date of `fromMs` to the date of the last instant before
 * `untilMs`, like a plan switch that applies from 00:00 of its day.
 */
export interface ShelfWindow {
  readonly fromMs: number;
  readonly untilMs: number | null;
}

export interface Plan {
  readonly id: string;
  readonly names: LocalizedText;
  /** Non-overlapping windows; gaps mean the plan is off the shelf. */
  readonly versions: readonly PlanVersion[];
}

/** Which date picks the plan (and version): CUBE uses the transaction date (消費日), others the settlement date. */
export type PlanSelectionDate = 'transaction' | 'settlement';

/**
 * Where earning rounds to whole points: once on the transaction's exact total (each line keeps
 * its exact value; the default), or on each line by itself, as some banks publish it.
 */
export type EarningRounding = 'transaction' | 'line';
export const EARNING_ROUNDINGS: readonly EarningRounding[] = ['transaction', 'line'];

export interface ProgramSettings {
  readonly generalRateBps: RateBps;
  /** Points per NT$ as a ratio: CUBE's 1 point = NT$1 is `{ points: 1, perTwd: 1 }`. */
  readonly pointValue: { readonly points: number; readonly perTwd: number };
  readonly planSelectionDate: PlanSelectionDate;
  /** Installment purchases made on or after this date earn the general rate only, per billed installment. */
  readonly installmentGeneralOnlySince: CalendarDate | null;
  /** Points become available on this many business days after the settlement date (次二日). */
  readonly availableAfterBusinessDays: number;
  /**
   * The bank's business days. Stored in its own tables (`calendar/`), not with the settings:
   * the program source puts the in-memory calendar here.
   */
  readonly businessCalendar: BusinessCalendar;
  /** ISO 3166 alpha-2; a merchant elsewhere is overseas. */
  readonly homeCountry: string;
  /** ISO 4217; any other currency makes a transaction foreign. */
  readonly homeCurrency: string;
  /**
   * Whether a clawback may take a card's available points below zero. When false the shortfall
   * is recorded as points the card owes, repaid from its next released points (`splitClawback`).
   */
  readonly allowNegativeAvailable: boolean;
  /** Half-up once per transaction ('transaction', CUBE) or per earning line ('line'). */
  readonly rounding: EarningRounding;
}

export interface Program {
  readonly id: string;
  readonly names: LocalizedText;
  readonly settings: ProgramSettings;
  readonly plans: readonly Plan[];
}
