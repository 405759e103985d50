import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';
import { BANK_LIABILITY } from './accounts.ts';
import { balanceChanges, balanceQueries, type CardBalances } from './balance-store.ts';
import { type BulkColumn, bulkInsert } from './bulk-insert.ts';
import { inList } from './in-list.ts';
import type { PostingRow, ReleaseQueueRow, RewardsLedgerTables } from './tables.ts';

const POSTING_COLUMNS: readonly BulkColumn<PostingRow>[] = [
  { name: 'id' },
  { name: 'event_id' },
  { name: 'line_no' },
  { name: 'leg' },
  { name: 'card_id' },
  { name: 'transaction_id' },
  { name: 'settlement_id' },
  { name: 'debit_account' },
  { name: 'credit_account' },
  { name: 'amount' },
  { name: 'effective_at' },
  { name: 'recorded_at' },
];
const QUEUE_COLUMNS: readonly BulkColumn<ReleaseQueueRow>[] = [
  { name: 'settlement_id' },
  { name: 'card_id' },
  { name: 'transaction_id' },
  { name: 'available_on' },
];

export type { CardBalances } from './balance-store.ts';

export interface HistoryCursor {
  readonly effectiveAt: number;
  readonly id: string;
}

/** All SQL on postings and the release queue. Writers pass their transaction as `db`. */
export function createLedgerStore(root: Kysely<RewardsLedgerTables>) {
  const dialect = dialectOf(root);
  const balances = balanceQueries(root, dialect);
  return {
    ...balances,

    /**
     * Appends postings and adds them to their cards' balance rows, in the caller's transaction:
     * both statements are issued at once (the connection runs them in order).
     */
    insertPostings(rows: readonly PostingRow[], db = root): Promise<unknown> {
      if (rows.length === 0) return Promise.resolve();
      return Promise.all([
        bulkInsert(db, 'rewards_postings', POSTING_COLUMNS, rows),
        balances.addToBalances(balanceChanges(rows), db),
      ]);
    },

    /** One card's balances, from its balance row. */
    async balancesOf(cardId: string, db = root): Promise<CardBalances> {
      return (await balances.balancesOfCards([cardId], db)).get(cardId)!;
    },

    postingsOfTransactions(transactionIds: readonly string[], db = root) {
      if (transactionIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('rewards_postings')
        .select([
          'settlement_id',
          'leg',
          'debit_account',
          'credit_account',
          'amount',
          'card_id',
          'transaction_id',
        ])
        .where(inList(dialect, 'transaction_id', transactionIds))
        .execute();
    },

    /** The card's postings, newest first by when they took effect. */
    history(cardId: string, limit: number, after: HistoryCursor | null, db = root) {
      let query = db
        .selectFrom('rewards_postings')
        .selectAll()
        .where('card_id', '=', cardId)
        .orderBy('effective_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('effective_at', '<', after.effectiveAt),
            eb.and([eb('effective_at', '=', after.effectiveAt), eb('id', '<', after.id)]),
          ]),
        );
      }
      return query.execute();
    },

    postingsByIds(ids: readonly string[], db = root) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('rewards_postings').selectAll().where('id', 'in', ids).execute();
    },

    /** Sum of every balance in the books: zero when every posting has both its sides. */
    async booksTotal(db = root): Promise<{ liability: number; cards: number }> {
      const rows = await sql<{ account: string; total: number | string }>`
        select credit_account as account, sum(amount) as total from rewards_postings group by credit_account
        union all
        select debit_account as account, -sum(amount) as total from rewards_postings group by debit_account`.execute(
        db,
      );
      let liability = 0;
      let cards = 0;
      for (const row of rows.rows) {
        if (row.account === BANK_LIABILITY) liability += Number(row.total);
        else cards += Number(row.total);
      }
      return { liability, cards };
    },

    insertQueue: (rows: readonly ReleaseQueueRow[], db = root) =>
      bulkInsert(db, 'rewards_release_queue', QUEUE_COLUMNS, rows),

    async deleteQueue(settlementIds: readonly string[], db = root): Promise<void> {
      const CHUNK = 5_000;
      for (let start = 0; start < settlementIds.length; start += CHUNK) {
        const chunk = settlementIds.slice(start, start + CHUNK);
        await db.deleteFrom('rewards_release_queue').where('settlement_id', 'in', chunk).execute();
      }
    },

    /** Settlements due on or before `today`, oldest first; one card's when `cardId` is given. */
    dueReleases(today: string, limit: number, cardId: string | null, db = root) {
      let query = db
        .selectFrom('rewards_release_queue')
        .selectAll()
        .where('available_on', '<=', today)
        .orderBy('available_on')
        .orderBy('settlement_id')
        .limit(limit);
      if (cardId !== null) query = query.where('card_id', '=', cardId);
      return query.execute();
    },

    queueOf(settlementIds: readonly string[], db = root) {
      if (settlementIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('rewards_release_queue')
        .selectAll()
        .where(inList(dialect, 'settlement_id', settlementIds))
        .execute();
    },
  };
}

export type LedgerStore = ReturnType<typeof createLedgerStore>;
