import { api, query } from '../../../api/client.ts';
import type { Names } from '../../api/types.ts';

/** A card in the console's list (`GET /api/rewards/v1/admin/cards`). */
export interface CardListItem {
  id: string;
  last4: string;
  kind: 'primary' | 'supplementary';
  primaryCardId: string | null;
  holder: { accountId: string; handle: string | null; displayName: string | null };
  plan: { planId: string; names: Names | null } | null;
  level: number;
  status: CardStatus;
}

export const CARD_STATUSES = ['active', 'no_plan'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export interface CardListPage {
  items: CardListItem[];
  nextCursor: string | null;
  holdersTruncated: boolean;
}

/** What the console searches for; each is a URL parameter of the list page too. */
export interface CardSearchParams {
  q: string;
  plan: string;
  level: string;
  status: string;
}

export const CARD_SEARCH_FIELDS = ['q', 'plan', 'level', 'status'] as const;

/** One page of cards, newest first, after `cursor`. */
export const searchCards = (params: CardSearchParams, cursor?: string) =>
  api<CardListPage>(
    'GET',
    `/api/rewards/v1/admin/cards${query({ ...params, q: params.q.trim(), cursor, limit: 20 })}`,
  );
