import type { CardLevel, CardView } from './types.ts';

/**
 * The bank's view of one card (`GET /api/rewards/v1/admin/cards/:cardRef`, shape of
 * `packages/rewards/src/admin/card-lookup.ts`): the holder's view plus the whole history.
 */
export interface AdminCardView extends CardView {
  /** The network's token for the card (events name the card by it). */
  token: string;
  holderAccountId: string;
  /** null when the holder's account was deleted. */
  holderHandle: string | null;
  /** Every level decision, oldest first; a later one for the same date replaced an earlier one. */
  levelHistory: LevelDecision[];
  flagHistory: FlagDecision[];
  /** The plan selections that apply (a supplementary card's are its primary's), oldest first. */
  selections: { planId: string; taipeiDate: string; selectedAt: number }[];
}

export interface LevelDecision {
  level: number;
  /** The Taipei date it counts from (the 1st of a month). */
  effectiveFrom: string;
  reason: string | null;
  byAccountId: string | null;
  at: number;
}

export interface FlagDecision {
  flag: string;
  action: 'grant' | 'revoke';
  effectiveFrom: string;
  byAccountId: string | null;
  at: number;
}

export interface LevelChangeInput {
  level: CardLevel;
  reason?: string;
}

/**
 * A flag grant: it counts from the 1st of next month (the API's default, which the console
 * keeps), until `until` (the first Taipei date it no longer counts) or, without one, until cleared.
 */
export interface FlagGrantInput {
  flag: string;
  until?: string;
}

/** What a level or flag decision answers: when it counts from, and whether anything was written. */
export interface StatusChange {
  cardId: string;
  effectiveFrom: string;
  /** false when the card already stood so from that date: nothing was written. */
  changed: boolean;
}

export type LevelChange = StatusChange & { level: number };
/** `until`: a grant's end, null without one (absent from APIs that take no end dates). */
export type FlagChange = StatusChange & { flag: string; until?: string | null };
