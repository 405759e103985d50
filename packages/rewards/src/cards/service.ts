import { randomBytes } from 'node:crypto';
import {
  type AuthService,
  type Clock,
  type IdGenerator,
  NotFoundError,
  ValidationError,
} from '@plaza/kernel';
import type { CardLevel } from '../program/types.ts';
import type { CardRow, CardsStore } from './store.ts';

export interface Card {
  readonly id: string;
  readonly holderAccountId: string;
  /** null for a primary card; the primary's id for a supplementary card (附卡). */
  readonly primaryCardId: string | null;
  readonly last4: string;
  /** The level at issue; later changes are in the level history (`cards/history.ts`). */
  readonly level: CardLevel;
  readonly birthMonth: number | null;
  readonly createdAt: number;
}

export interface IssueCardInput {
  readonly holderHandle: string;
  readonly last4: string;
  /** The level at issue; later changes are in the level history (`cards/history.ts`). */
  readonly level: CardLevel;
  readonly birthMonth: number | null;
  readonly primaryCardId?: string | undefined;
}

export interface CardsDeps {
  store: CardsStore;
  auth: AuthService;
  clock: Clock;
  ids: IdGenerator;
}

export function toCard(row: CardRow): Card {
  return {
    id: row.id,
    holderAccountId: row.holder_account_id,
    primaryCardId: row.primary_card_id,
    last4: row.last4,
    level: Number(row.level) as CardLevel,
    birthMonth: row.birth_month === null ? null : Number(row.birth_month),
    createdAt: Number(row.created_at),
  };
}

/** A card network token: random, so it says nothing about the card number (which is never stored). */
function newToken(): string {
  return `tok_${randomBytes(18).toString('base64url')}`;
}

export function createCardsService({ store, auth, clock, ids }: CardsDeps) {
  return {
    /** Issues a card (admin). The answer carries the token once; the number never reaches Plaza. */
    async issue(input: IssueCardInput): Promise<Card & { token: string }> {
      const holder = await auth.findByHandle(input.holderHandle);
      if (!holder) throw new NotFoundError('That account');
      if (input.primaryCardId !== undefined) {
        const primary = await store.findCard(input.primaryCardId);
        if (!primary || primary.primary_card_id !== null) {
          throw new ValidationError(
            'A supplementary card needs an existing primary card.',
            [
              {
                field: '/primaryCardId',
                code: primary ? 'primary_is_supplementary' : 'not_found',
                message: primary ? 'is itself a supplementary card' : 'no such card',
              },
            ],
            'primary_card_invalid',
          );
        }
      }
      const row: CardRow = {
        id: ids.next(),
        holder_account_id: holder.id,
        primary_card_id: input.primaryCardId ?? null,
        token: newToken(),
        last4: input.last4,
        level: input.level,
        birth_month: input.birthMonth,
        created_at: clock.nowMs(),
      };
      await store.insertCard(row);
      return { ...toCard(row), token: row.token };
    },
    async find(cardId: string): Promise<Card | undefined> {
      const row = await store.findCard(cardId);
      return row && toCard(row);
    },
    /** A card by id or network token, with the token (admin only: the holder never needs it). */
    async findByRef(ref: string): Promise<(Card & { token: string }) | undefined> {
      const row = await store.findCardByRef(ref);
      return row && { ...toCard(row), token: row.token };
    },
    /** Every card the account holds, oldest first (a holder has a handful). */
    async heldByAccount(accountId: string): Promise<Card[]> {
      return (await store.cardsHeldBy(accountId)).map(toCard);
    },
    /** The card if `accountId` holds it; anyone else gets the same 404 as for a card that does not exist. */
    async heldBy(cardId: string, accountId: string): Promise<Card> {
      const row = await store.findCard(cardId);
      if (!row || row.holder_account_id !== accountId) throw new NotFoundError('That card');
      return toCard(row);
    },
  };
}

export type CardsService = ReturnType<typeof createCardsService>;
