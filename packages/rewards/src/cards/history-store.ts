import { dialectOf } from '@plaza/kernel';
import type { Kysely } from 'kysely';
import { inList } from '../ledger/in-list.ts';
import type { RewardsCardTables } from './store.ts';

export interface CardLevelRow {
  id: string;
  card_id: string;
  level: number;
  effective_from: string;
  reason: string | null;
  account_id: string | null;
  created_at: number;
}

export interface CardFlagRow {
  id: string;
  card_id: string;
  flag: string;
  action: 'grant' | 'revoke';
  effective_from: string;
  account_id: string | null;
  created_at: number;
}

export interface RewardsCardHistoryTables extends RewardsCardTables {
  rewards_card_levels: CardLevelRow;
  rewards_card_flags: CardFlagRow;
}

type Db = Kysely<RewardsCardHistoryTables>;

/** All SQL on card level changes and eligibility flags; reads are batched over card ids. */
export function createCardHistoryStore(root: Db) {
  return {
    transaction: <T>(fn: (trx: Db) => Promise<T>) => root.transaction().execute(fn),
    insertLevel: (row: CardLevelRow, db: Db = root) =>
      db.insertInto('rewards_card_levels').values(row).execute(),
    insertFlag: (row: CardFlagRow, db: Db = root) =>
      db.insertInto('rewards_card_flags').values(row).execute(),
    /** Level changes of the cards, in the order they were made (ids are time-ordered). */
    levelsOf: async (cardIds: readonly string[], db: Db = root): Promise<CardLevelRow[]> =>
      cardIds.length === 0
        ? []
        : db
            .selectFrom('rewards_card_levels')
            .selectAll()
            .where(inList(dialectOf(db), 'card_id', cardIds))
            .orderBy('id')
            .execute(),
    /** Flag grants and revocations of the cards, in the order they were made. */
    flagsOf: async (cardIds: readonly string[], db: Db = root): Promise<CardFlagRow[]> =>
      cardIds.length === 0
        ? []
        : db
            .selectFrom('rewards_card_flags')
            .selectAll()
            .where(inList(dialectOf(db), 'card_id', cardIds))
            .orderBy('id')
            .execute(),
  };
}

export type CardHistoryStore = ReturnType<typeof createCardHistoryStore>;
