import { type AuthService, NotFoundError } from '@plaza/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { flagPeriods } from '../cards/history.ts';
import type { CardHistoryStore } from '../cards/history-store.ts';
import type { CardsService } from '../cards/service.ts';
import { CardView, type CardViews, FlagPeriodView } from '../cards/view.ts';
import type { SelectionsService } from '../selections/service.ts';

export const AdminCardView = Type.Intersect([
  CardView,
  Type.Object({
    /** The network's token for the card (events name the card by it). */
    token: Type.String(),
    holderAccountId: Type.String(),
    /** null when the holder's account was deleted. */
    holderHandle: Type.Union([Type.String(), Type.Null()]),
    /** Every level decision, oldest first: a later one for the same date replaced an earlier one. */
    levelHistory: Type.Array(
      Type.Object({
        level: Type.Integer(),
        effectiveFrom: Type.String(),
        reason: Type.Union([Type.String(), Type.Null()]),
        byAccountId: Type.Union([Type.String(), Type.Null()]),
        at: Type.Integer(),
      }),
    ),
    flagHistory: Type.Array(
      Type.Object({
        flag: Type.String(),
        action: Type.Union([Type.Literal('grant'), Type.Literal('revoke')]),
        effectiveFrom: Type.String(),
        byAccountId: Type.Union([Type.String(), Type.Null()]),
        at: Type.Integer(),
      }),
    ),
    /** Every run of every flag with its end (the first Taipei date it no longer counts; null: no end). */
    flagPeriods: Type.Array(FlagPeriodView),
    /** The plan selections that apply (a supplementary card's are its primary's), oldest first. */
    selections: Type.Array(
      Type.Object({ planId: Type.String(), taipeiDate: Type.String(), selectedAt: Type.Integer() }),
    ),
  }),
]);
export type AdminCardView = Static<typeof AdminCardView>;

export interface CardLookupDeps {
  cards: CardsService;
  history: CardHistoryStore;
  selections: SelectionsService;
  cardViews: CardViews;
  auth: AuthService;
}

/** The bank's view of one card, by id or network token: the holder's view plus the whole history. */
export function createCardLookup({ cards, history, selections, cardViews, auth }: CardLookupDeps) {
  return async (ref: string): Promise<AdminCardView> => {
    const card = await cards.findByRef(ref);
    if (!card) throw new NotFoundError('That card');
    const [[view], levels, flags, chosen, holder] = await Promise.all([
      cardViews([card]),
      history.levelsOf([card.id]),
      history.flagsOf([card.id]),
      selections.history(card.id),
      auth.findById(card.holderAccountId),
    ]);
    if (!view) throw new NotFoundError('That card');
    return {
      ...view,
      token: card.token,
      holderAccountId: card.holderAccountId,
      holderHandle: holder?.handle ?? null,
      levelHistory: levels.map((r) => ({
        level: Number(r.level),
        effectiveFrom: r.effective_from,
        reason: r.reason,
        byAccountId: r.account_id,
        at: Number(r.created_at),
      })),
      flagPeriods: flagPeriods(flags).map(({ flag, from, until }) => ({ flag, from, until })),
      flagHistory: flags.map((r) => ({
        flag: r.flag,
        action: r.action,
        effectiveFrom: r.effective_from,
        byAccountId: r.account_id,
        at: Number(r.created_at),
      })),
      selections: chosen.map((s) => ({
        planId: s.planId,
        taipeiDate: s.taipeiDate,
        selectedAt: s.selectedAt,
      })),
    };
  };
}
