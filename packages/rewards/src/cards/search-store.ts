import { dialectOf } from '@plaza/kernel';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { CalendarDate } from '../calendar/taipei-date.ts';
import { inList } from '../ledger/in-list.ts';
import type { TimeCursor } from '../points/cursor.ts';
import type { RewardsCardHistoryTables } from './history-store.ts';

/** Which cards a console search is about, each answered by its own index. */
export type CardMatch =
  | { readonly by: 'all' }
  /** A card id or network token (primary key, unique token). */
  | { readonly by: 'ref'; readonly ref: string }
  | { readonly by: 'last4'; readonly last4: string }
  /** The cards of these holders (`rewards_cards_holder`); a bounded list. */
  | { readonly by: 'holders'; readonly accountIds: readonly string[] };

/** Whether the card has a plan in force today. Plaza has no card closing yet: these are all. */
export const CARD_STATUSES = ['active', 'no_plan'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export interface CardFilter {
  readonly planId?: string | undefined;
  readonly level?: number | undefined;
  readonly status?: CardStatus | undefined;
  readonly kind?: 'primary' | 'supplementary' | undefined;
}

/** A card as the console's list shows it: the plan and level in force on the day asked. */
export interface CardListRow {
  id: string;
  holder_account_id: string;
  primary_card_id: string | null;
  last4: string;
  created_at: number;
  plan_id: string | null;
  level: number;
}

type Db = Kysely<RewardsCardHistoryTables>;
type Eb = ExpressionBuilder<
  RewardsCardHistoryTables & { c: RewardsCardHistoryTables['rewards_cards'] } & {
    p: RewardsCardHistoryTables['rewards_cards'];
  },
  'c' | 'p'
>;

/** The card whose plan and level a card earns by: itself, or its primary (a supplementary card). */
const decider = sql<string>`coalesce(c.primary_card_id, c.id)`;

/** The plan selected latest on or before `today` by the deciding card (selections' primary key). */
const planOn = (eb: Eb, today: CalendarDate) =>
  eb
    .selectFrom('rewards_plan_selections as s')
    .select('s.plan_id')
    .where('s.card_id', '=', decider)
    .where('s.taipei_date', '<=', today)
    .orderBy('s.taipei_date', 'desc')
    .limit(1);

/**
 * The level in force on `today`: the deciding card's latest change effective by then (for one
 * date the later decision, ids being time-ordered), else its level at issue — as `levelPeriods`.
 */
const levelOn = (eb: Eb, today: CalendarDate) =>
  eb.fn.coalesce(
    eb
      .selectFrom('rewards_card_levels as l')
      .select('l.level')
      .where('l.card_id', '=', decider)
      .where('l.effective_from', '<=', today)
      .orderBy('l.effective_from', 'desc')
      .orderBy('l.id', 'desc')
      .limit(1),
    eb.ref('p.level'),
    eb.ref('c.level'),
  );

function matching(eb: Eb, db: Db, match: CardMatch) {
  switch (match.by) {
    case 'all':
      return eb.lit(true);
    case 'ref':
      return eb.or([eb('c.id', '=', match.ref), eb('c.token', '=', match.ref)]);
    case 'last4':
      return eb('c.last4', '=', match.last4);
    case 'holders':
      return inList(dialectOf(db), 'c.holder_account_id', match.accountIds);
  }
}

function filtered(eb: Eb, filter: CardFilter, today: CalendarDate) {
  const conditions = [];
  if (filter.planId !== undefined) conditions.push(eb(planOn(eb, today), '=', filter.planId));
  if (filter.status === 'active') conditions.push(eb(planOn(eb, today), 'is not', null));
  if (filter.status === 'no_plan') conditions.push(eb(planOn(eb, today), 'is', null));
  if (filter.level !== undefined) conditions.push(eb(levelOn(eb, today), '=', filter.level));
  if (filter.kind === 'primary') conditions.push(eb('c.primary_card_id', 'is', null));
  if (filter.kind === 'supplementary') conditions.push(eb('c.primary_card_id', 'is not', null));
  return eb.and(conditions);
}

export interface CardPageAsk {
  readonly match: CardMatch;
  readonly filter: CardFilter;
  /** The Taipei date the plan and level are judged on. */
  readonly today: CalendarDate;
  /** The last card of the previous page; the next one starts after it. */
  readonly after: TimeCursor | null;
  readonly limit: number;
}

/** All SQL of the console's card list: newest cards first, by (created_at, id), a keyset page. */
export function createCardSearchStore(db: Db) {
  return {
    page: ({ match, filter, today, after, limit }: CardPageAsk): Promise<CardListRow[]> =>
      db
        .selectFrom('rewards_cards as c')
        .leftJoin('rewards_cards as p', 'p.id', 'c.primary_card_id')
        .select((eb) => [
          'c.id',
          'c.holder_account_id',
          'c.primary_card_id',
          'c.last4',
          'c.created_at',
          planOn(eb, today).as('plan_id'),
          levelOn(eb, today).as('level'),
        ])
        .where((eb) => matching(eb, db, match))
        .where((eb) => filtered(eb, filter, today))
        .$if(after !== null, (qb) =>
          qb.where((eb) => eb(eb.refTuple('c.created_at', 'c.id'), '<', eb.tuple(after!.at, after!.id))),
        )
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit)
        .execute() as Promise<CardListRow[]>,
  };
}

export type CardSearchStore = ReturnType<typeof createCardSearchStore>;
