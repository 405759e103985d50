/**
 * Shapes the Plaza Rewards API answers with (`packages/rewards/src/routes.ts` and the catalog).
 * The web app keeps its own copy so the browser bundle never pulls in server code.
 */

/** Names the bank gives plans and channels; the API carries Traditional Chinese and English. */
export interface Names {
  'zh-TW': string;
  en: string;
}

export type CardLevel = 1 | 2 | 3;
export type LevelKey = '1' | '2' | '3';

export interface ChannelRule {
  merchantIds?: string[];
  /** A code, or an inclusive range `[from, to]`. */
  mcc?: (number | number[])[];
  region?: 'domestic' | 'overseas';
  presence?: 'in_person' | 'online';
}

export interface ChannelView {
  id: string;
  names: Names;
  rules: ChannelRule[];
  /** The advertised total rate in basis points per card level. */
  rateBps: Record<LevelKey, number>;
  byLevel: boolean;
}

export interface Eligibility {
  kind: 'everyone' | 'birth_month' | 'flag';
  flag?: string;
}

export interface CapView {
  id: string;
  channelId: string | null;
  period: 'month' | 'window';
  limitPoints: number;
}

export interface PlanVersionView {
  id: string;
  names: Names;
  validFrom: string;
  /** null: open-ended, offered until the bank schedules an end. */
  validTo: string | null;
  eligibility: Eligibility;
  channels: ChannelView[];
  caps: CapView[];
}

export interface PlanView {
  id: string;
  names: Names;
  version: PlanVersionView;
}

export interface PlansResponse {
  programId: string;
  generalRateBps: number;
  items: PlanView[];
}

/** Why a card may not pick a plan now (stable codes from the API). */
export type PlanChoiceCode =
  | 'supplementary_follows_primary'
  | 'already_switched_today'
  | 'not_birth_month'
  | 'not_eligible';

/** One plan on the shelf as this card sees it today: may it be picked, and if not, why and from when. */
export interface PlanChoice {
  planId: string;
  names: Names;
  versionId: string;
  current: boolean;
  /** Whether switching to it would succeed now. */
  canPick: boolean;
  reason: { code: PlanChoiceCode | string; availableFrom: string | null; message: Names } | null;
}

export interface CurrentPlan {
  planId: string;
  names: Names | null;
  versionId: string | null;
  /** The Taipei date it was selected; it applies from 00:00 that day. */
  since: string;
}

export interface CardView {
  id: string;
  kind: 'primary' | 'supplementary';
  primaryCardId: string | null;
  last4: string;
  /** The level the card earns at today: its own, or a supplementary card's primary's. */
  level: number;
  /** Whose level `level` and `pendingLevel` are. */
  levelFrom: 'own' | 'primary';
  birthMonth: number | null;
  createdAt: number;
  currentPlan: CurrentPlan | null;
  canSwitchNow: boolean;
  /** 00:00 Asia/Taipei of the next day when the card already switched today, else null. */
  nextSwitchAt: number | null;
  /** A level change waiting for the 1st of next month. */
  pendingLevel: { level: number; from: string } | null;
  /**
   * Eligibility flags (e.g. kids for 童樂匯), the Taipei date each counts from and, where the API
   * gives one, the first date it no longer counts (null: no end).
   */
  flags: { flag: string; from: string; until?: string | null }[];
  /** Every plan on the shelf, with whether this card may pick it today. */
  planChoices: PlanChoice[];
}

export interface SwitchResult {
  cardId: string;
  planId: string;
  taipeiDate: string;
  effectiveFrom: number;
  changed: boolean;
  nextSwitchAt: number | null;
}

export interface PlanHistoryItem {
  planId: string;
  taipeiDate: string;
  effectiveFrom: number;
  selectedAt: number;
}

export interface PlanHistory {
  cardId: string;
  decidedByCardId: string;
  items: PlanHistoryItem[];
}
