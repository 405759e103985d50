import type { Kysely } from 'kysely';
import type { CardRow, PlanSelectionRow, RewardsCardTables } from '../cards/store.ts';

/**
 * The export's reads of cards and plan selections, as keyset pages (the holder index and the
 * selections' primary key), so an account with many cards or a long history is read a page at
 * a time. Transactions and postings are read through their own modules' readers.
 */
export function createExportStore(db: Kysely<RewardsCardTables>) {
  return {
    /** The account's cards, by id, after `after`. */
    cardsPages:
      (accountId: string) =>
      (after: Pick<CardRow, 'id'> | undefined, limit: number): Promise<CardRow[]> =>
        db
          .selectFrom('rewards_cards')
          .selectAll()
          .where('holder_account_id', '=', accountId)
          .$if(after !== undefined, (qb) => qb.where('id', '>', after!.id))
          .orderBy('id')
          .limit(limit)
          .execute(),
    /** A card's plan selections, oldest first, after `after`. */
    selectionsPages:
      (cardId: string) =>
      (
        after: Pick<PlanSelectionRow, 'taipei_date'> | undefined,
        limit: number,
      ): Promise<PlanSelectionRow[]> =>
        db
          .selectFrom('rewards_plan_selections')
          .selectAll()
          .where('card_id', '=', cardId)
          .$if(after !== undefined, (qb) => qb.where('taipei_date', '>', after!.taipei_date))
          .orderBy('taipei_date')
          .limit(limit)
          .execute(),
  };
}

export type ExportStore = ReturnType<typeof createExportStore>;
