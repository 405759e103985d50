import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';
import type { CapUsage } from '../earning/types.ts';
import { type BulkColumn, bulkInsert } from '../ledger/bulk-insert.ts';
import { inList } from '../ledger/in-list.ts';
import type { CapUseRow, EventInsert, EventRow, RewardsLifecycleTables, TransactionRow } from './tables.ts';

const EVENT_COLUMNS: readonly BulkColumn<EventInsert>[] = [
  { name: 'id' },
  { name: 'fingerprint' },
  { name: 'type' },
  { name: 'card_id' },
  { name: 'transaction_id' },
  { name: 'original_event_id' },
  { name: 'status' },
  { name: 'payload', json: true },
  { name: 'lines', json: true },
  { name: 'points' },
  { name: 'error', json: true },
  { name: 'transaction_at' },
  { name: 'recorded_at' },
];
const TRANSACTION_COLUMNS: readonly BulkColumn<TransactionRow>[] = [
  { name: 'id' },
  { name: 'card_id' },
  { name: 'root_event_id' },
  { name: 'transaction_at' },
  { name: 'recorded_at' },
];
const CAP_USE_COLUMNS: readonly BulkColumn<CapUseRow>[] = [
  { name: 'event_id' },
  { name: 'line_no' },
  { name: 'cap_key' },
  { name: 'card_id' },
  { name: 'points' },
];

export interface TransactionCursor {
  readonly transactionAt: number;
  readonly id: string;
}

/** All SQL on events, transactions and cap uses. Writers pass their transaction as `db`. */
export function createLifecycleStore(root: Kysely<RewardsLifecycleTables>) {
  const dialect = dialectOf(root);
  return {
    /** What the duplicate check needs of events already stored. */
    seen(ids: readonly string[], db = root) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('rewards_events')
        .select(['id', 'fingerprint', 'status', 'error', 'transaction_id', 'points'])
        .where(inList(dialect, 'id', ids))
        .execute();
    },

    eventsByIds(ids: readonly string[], db = root): Promise<EventRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('rewards_events')
        .selectAll()
        .where(inList(dialect, 'id', ids))
        .execute();
    },

    /** Held events waiting for any of these events, oldest first. */
    heldFor(originalIds: readonly string[], db = root): Promise<EventRow[]> {
      if (originalIds.length === 0) return Promise.resolve([]);
      return (
        db
          .selectFrom('rewards_events')
          .selectAll()
          // The literal predicate matches the partial index's, which SQLite needs to use it.
          .where(sql<boolean>`status = 'held'`)
          .where(inList(dialect, 'original_event_id', originalIds))
          .orderBy('recorded_at')
          .orderBy('id')
          .execute()
      );
    },

    eventsOfTransactions(transactionIds: readonly string[], db = root): Promise<EventRow[]> {
      if (transactionIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('rewards_events')
        .selectAll()
        .where(inList(dialect, 'transaction_id', transactionIds))
        .where('status', '=', 'applied')
        .execute();
    },

    /**
     * The applied refunds and chargebacks of these settlements: what they took back so far. Reads
     * the returns' small partial index, not the settlements' whole transactions.
     */
    returnsOf(settlementIds: readonly string[], db = root) {
      if (settlementIds.length === 0) return Promise.resolve([]);
      return (
        db
          .selectFrom('rewards_events')
          .select(['original_event_id', 'payload'])
          // The literal predicate matches the partial index's, which SQLite needs to use it.
          .where(sql<boolean>`type in ('refund', 'chargeback')`)
          .where(inList(dialect, 'original_event_id', settlementIds))
          .where('status', '=', 'applied')
          .execute()
      );
    },

    insertEvents: (rows: readonly EventInsert[], db = root) =>
      bulkInsert(db, 'rewards_events', EVENT_COLUMNS, rows),

    /** A held event's fate once its settlement arrived: the only update events ever get. */
    async settleHeld(
      change: Pick<EventInsert, 'id' | 'status' | 'transaction_id' | 'lines' | 'points' | 'error'>,
      db = root,
    ): Promise<void> {
      const { id, status, transaction_id, points } = change;
      const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
      await db
        .updateTable('rewards_events')
        .set({ status, transaction_id, points, lines: json(change.lines), error: json(change.error) })
        .where('id', '=', id)
        .where('status', '=', 'held')
        .execute();
    },

    /** Adds purchases; one already listed keeps the earliest transaction time of its events. */
    upsertTransactions: (rows: readonly TransactionRow[], db = root) =>
      bulkInsert(
        db,
        'rewards_transactions',
        TRANSACTION_COLUMNS,
        rows,
        sql`on conflict (id) do update set transaction_at = case
          when excluded.transaction_at < rewards_transactions.transaction_at then excluded.transaction_at
          else rewards_transactions.transaction_at end`,
      ),

    insertCapUses: (rows: readonly CapUseRow[], db = root) =>
      bulkInsert(db, 'rewards_cap_uses', CAP_USE_COLUMNS, rows),

    /** Net bonus points per cap key for these cards, limited to the keys a batch can touch. */
    async capUsage(
      cardIds: readonly string[],
      keys: readonly string[],
      db = root,
    ): Promise<Map<string, CapUsage>> {
      const usage = new Map<string, Record<string, number>>();
      if (cardIds.length === 0 || keys.length === 0) return usage;
      const rows = await db
        .selectFrom('rewards_cap_uses')
        .select(['card_id', 'cap_key', (eb) => eb.fn.sum<number | string>('points').as('total')])
        .where('card_id', 'in', cardIds)
        .where('cap_key', 'in', keys)
        .groupBy(['card_id', 'cap_key'])
        .execute();
      for (const row of rows) {
        const card = usage.get(row.card_id) ?? {};
        card[row.cap_key] = Number(row.total);
        usage.set(row.card_id, card);
      }
      return usage;
    },

    /** A page of the card's purchases, newest first. */
    transactionsPage(cardId: string, limit: number, after: TransactionCursor | null, db = root) {
      let query = db
        .selectFrom('rewards_transactions')
        .selectAll()
        .where('card_id', '=', cardId)
        .orderBy('transaction_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('transaction_at', '<', after.transactionAt),
            eb.and([eb('transaction_at', '=', after.transactionAt), eb('id', '<', after.id)]),
          ]),
        );
      }
      return query.execute();
    },

    transactionOf(cardId: string, id: string, db = root) {
      return db
        .selectFrom('rewards_transactions')
        .selectAll()
        .where('id', '=', id)
        .where('card_id', '=', cardId)
        .executeTakeFirst();
    },
  };
}

export type LifecycleStore = ReturnType<typeof createLifecycleStore>;
