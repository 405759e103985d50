import type { Kysely } from 'kysely';

export interface CardRow {
  id: string;
  holder_account_id: string;
  primary_card_id: string | null;
  token: string;
  last4: string;
  level: number;
  birth_month: number | null;
  created_at: number;
}

export interface PlanSelectionRow {
  card_id: string;
  plan_id: string;
  taipei_date: string;
  selected_at: number;
}

export interface RewardsCardTables {
  rewards_cards: CardRow;
  rewards_plan_selections: PlanSelectionRow;
}

/** All SQL on cards and plan selections. */
export function createCardsStore(db: Kysely<RewardsCardTables>) {
  return {
    insertCard: (row: CardRow) => db.insertInto('rewards_cards').values(row).execute(),
    cardsHeldBy: (accountId: string) =>
      db
        .selectFrom('rewards_cards')
        .selectAll()
        .where('holder_account_id', '=', accountId)
        .orderBy('id', 'asc')
        .execute(),
    findCard: (id: string) =>
      db.selectFrom('rewards_cards').selectAll().where('id', '=', id).executeTakeFirst(),
    /** A card by its id or its network token (the bank looks cards up by either). */
    findCardByRef: (ref: string) =>
      db
        .selectFrom('rewards_cards')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', ref), eb('token', '=', ref)]))
        .executeTakeFirst(),
    /**
     * Appends a selection; false when the card already has one for that Taipei date (the
     * primary key decides, so two racing switches cannot both win).
     */
    async insertSelection(row: PlanSelectionRow): Promise<boolean> {
      const result = await db
        .insertInto('rewards_plan_selections')
        .values(row)
        .onConflict((oc) => oc.columns(['card_id', 'taipei_date']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    /** The selection in force on a Taipei date: the latest made on or before it. */
    selectionOn: (cardId: string, taipeiDate: string) =>
      db
        .selectFrom('rewards_plan_selections')
        .selectAll()
        .where('card_id', '=', cardId)
        .where('taipei_date', '<=', taipeiDate)
        .orderBy('taipei_date', 'desc')
        .limit(1)
        .executeTakeFirst(),
    selections: (cardId: string) =>
      db
        .selectFrom('rewards_plan_selections')
        .selectAll()
        .where('card_id', '=', cardId)
        .orderBy('taipei_date', 'asc')
        .execute(),
  };
}

export type CardsStore = ReturnType<typeof createCardsStore>;
