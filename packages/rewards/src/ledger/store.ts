import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';
import { BANK_LIABILITY, bucketOf, type CardBucket, cardAccount } from './accounts.ts';
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

export type CardBalances = Record<CardBucket, number>;

export interface HistoryCursor {
  readonly effectiveAt: number;
  readonly id: string;
}

/** All SQL on postings and the release queue. Writers pass their transaction as `db`. */
export function createLedgerStore(root: Kysely<RewardsLedgerTables>) {
  const dialect = dialectOf(root);
  return {
    insertPostings: (rows: readonly PostingRow[], db = root) =>
      bulkInsert(db, 'rewards_postings', POSTING_COLUMNS, rows),

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

    /** Available points per card: credits minus debits of each card's available account. */
    async availableOf(cardIds: readonly string[], db = root): Promise<Map<string, number>> {
      const found = new Map(cardIds.map((id) => [id, 0]));
      if (cardIds.length === 0) return found;
      const accounts = cardIds.map((id) => cardAccount(id, 'available'));
      const rows = await sql<{ account: string; total: number | string }>`
        select credit_account as account, sum(amount) as total from rewards_postings
          where card_id in (${sql.join(cardIds)}) and credit_account in (${sql.join(accounts)}) group by credit_account
        union all
        select debit_account as account, -sum(amount) as total from rewards_postings
          where card_id in (${sql.join(cardIds)}) and debit_account in (${sql.join(accounts)}) group by debit_account`.execute(
        db,
      );
      for (const row of rows.rows) {
        const cardId = row.account.slice('card:'.length, -':available'.length);
        found.set(cardId, (found.get(cardId) ?? 0) + Number(row.total));
      }
      return found;
    },

    /** Points each card owes (its receivable's shortfalls minus repayments), through the small partial index. */
    async owedBy(cardIds: readonly string[], db = root): Promise<Map<string, number>> {
      const found = new Map(cardIds.map((id) => [id, 0]));
      if (cardIds.length === 0) return found;
      // The literal `leg in (…)` must match the partial index's predicate for SQLite to use it.
      const rows = await sql<{ card_id: string; leg: string; total: number | string }>`
        select card_id, leg, sum(amount) as total from rewards_postings
          where leg in ('clawback_receivable', 'repay') and card_id in (${sql.join(cardIds)})
          group by card_id, leg`.execute(db);
      for (const row of rows.rows) {
        const sign = row.leg === 'repay' ? -1 : 1;
        found.set(row.card_id, (found.get(row.card_id) ?? 0) + sign * Number(row.total));
      }
      return found;
    },

    /** Every bucket of one card, summed over its postings. */
    async balancesOf(cardId: string, db = root): Promise<CardBalances> {
      const rows = await sql<{ account: string; total: number | string }>`
        select credit_account as account, sum(amount) as total from rewards_postings
          where card_id = ${cardId} group by credit_account
        union all
        select debit_account as account, -sum(amount) as total from rewards_postings
          where card_id = ${cardId} group by debit_account`.execute(db);
      const balances: CardBalances = { pending: 0, available: 0, receivable: 0 };
      for (const row of rows.rows) {
        const bucket = bucketOf(row.account, cardId);
        if (bucket) balances[bucket] += Number(row.total);
      }
      return balances;
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
