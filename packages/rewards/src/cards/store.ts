import { type Kysely, sql } from 'kysely';

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

/** A switch asked for: the row to append, and the account that must hold the card (null: any). */
export interface SwitchWrite {
  readonly row: PlanSelectionRow;
  readonly holderAccountId: string | null;
}

/** SQLite allows 500 selects in one compound statement; a batch stays well below. */
export const MAX_SWITCHES_PER_STATEMENT = 200;

interface AskedRow {
  card_id: string;
  plan_id: string;
  taipei_date: string;
  selected_at: number;
  holder_account_id: string | null;
}

/** The asked rows as a derived table `v` (a UNION ALL of selects: both SQLite and PostgreSQL read it). */
function askedRows(writes: readonly SwitchWrite[]) {
  const rows = writes.map(
    ({ row, holderAccountId }) =>
      sql`select ${row.card_id} as card_id, ${row.plan_id} as plan_id, ${row.taipei_date} as taipei_date, ${row.selected_at} as selected_at, ${holderAccountId} as holder_account_id`,
  );
  return sql<AskedRow>`(${sql.join(rows, sql` union all `)})`.as('v');
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
    /**
     * Switches in one statement (and one commit): appends each asked row only when its card is a
     * primary card (held by `holderAccountId` when given), its plan in force on that date is
     * another plan, and it has no selection for that date yet (the primary key decides, so two
     * racing switches cannot both win). Answers the card ids written; the caller reads why the
     * others were not. At most one row per card, and at most `MAX_SWITCHES_PER_STATEMENT` rows.
     */
    async insertSwitches(writes: readonly SwitchWrite[]): Promise<Set<string>> {
      if (writes.length === 0) return new Set();
      const inserted = await db
        .insertInto('rewards_plan_selections')
        .columns(['card_id', 'plan_id', 'taipei_date', 'selected_at'])
        .expression((eb) =>
          eb
            .selectFrom(askedRows(writes))
            .innerJoin('rewards_cards as c', 'c.id', 'v.card_id')
            // PostgreSQL types the asked values as text: the epoch needs its column's type back.
            .select([
              'c.id',
              'v.plan_id',
              'v.taipei_date',
              sql<number>`cast(v.selected_at as bigint)`.as('at'),
            ])
            .where('c.primary_card_id', 'is', null)
            .where((w) =>
              w.or([
                w('v.holder_account_id', 'is', null),
                w('v.holder_account_id', '=', w.ref('c.holder_account_id')),
              ]),
            )
            .where(
              (w) =>
                w.fn.coalesce(
                  w
                    .selectFrom('rewards_plan_selections as s')
                    .select('s.plan_id')
                    .whereRef('s.card_id', '=', 'c.id')
                    .whereRef('s.taipei_date', '<=', 'v.taipei_date')
                    .orderBy('s.taipei_date', 'desc')
                    .limit(1),
                  sql.lit(''),
                ),
              '<>',
              (w) => w.ref('v.plan_id'),
            ),
        )
        .onConflict((oc) => oc.columns(['card_id', 'taipei_date']).doNothing())
        .returning('card_id')
        .execute();
      return new Set(inserted.map((r) => r.card_id));
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
