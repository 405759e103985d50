import type { Dialect } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';
import { bucketOf, CARD_BUCKETS, type CardBucket } from './accounts.ts';
import { type BulkColumn, bulkInsert } from './bulk-insert.ts';
import { inList } from './in-list.ts';
import type { CardBalanceRow, PostingRow, RewardsLedgerTables } from './tables.ts';

export type CardBalances = Record<CardBucket, number>;

const BALANCE_COLUMNS: readonly BulkColumn<CardBalanceRow>[] = [
  { name: 'card_id' },
  { name: 'pending' },
  { name: 'available' },
  { name: 'receivable' },
  { name: 'version' },
];

const zero = (): CardBalances => ({ pending: 0, available: 0, receivable: 0 });

/**
 * What `postings` change, per card: credits minus debits of each of its buckets, as rows to add
 * to the stored balances (version 1 for a card's first row).
 * @example balanceChanges([earn 30 bank → card:c:pending]) → [{ card_id: 'c', pending: 30, available: 0, receivable: 0, version: 1 }]
 */
export function balanceChanges(postings: readonly PostingRow[]): CardBalanceRow[] {
  const byCard = new Map<string, CardBalanceRow>();
  for (const posting of postings) {
    let row = byCard.get(posting.card_id);
    if (!row) {
      row = { card_id: posting.card_id, ...zero(), version: 1 };
      byCard.set(posting.card_id, row);
    }
    const amount = Number(posting.amount);
    const credit = bucketOf(posting.credit_account, posting.card_id);
    const debit = bucketOf(posting.debit_account, posting.card_id);
    if (credit) row[credit] += amount;
    if (debit) row[debit] -= amount;
  }
  return [...byCard.values()];
}

/** Each card's buckets summed over its postings: the truth the balance rows must equal. */
function postingSums() {
  const side = (bucket: CardBucket) => sql`sum(case
      when credit_account = 'card:' || card_id || ${sql.lit(`:${bucket}`)} then amount
      when debit_account = 'card:' || card_id || ${sql.lit(`:${bucket}`)} then -amount
      else 0 end)`;
  return sql`select card_id, ${side('pending')} as pending, ${side('available')} as available,
    ${side('receivable')} as receivable from rewards_postings where true group by card_id`;
}

function toBalances(rows: readonly Record<CardBucket | 'card_id', unknown>[]): Map<string, CardBalances> {
  const found = new Map<string, CardBalances>();
  for (const row of rows) {
    const balances = zero();
    for (const bucket of CARD_BUCKETS) balances[bucket] = Number(row[bucket]);
    found.set(String(row.card_id), balances);
  }
  return found;
}

/** The SQL of the per-card balance rows. Writers pass their transaction as `db`. */
export function balanceQueries(root: Kysely<RewardsLedgerTables>, dialect: Dialect) {
  return {
    /** Adds each row's amounts to the card's stored balances (creating the row), one statement per 10,000 cards. */
    addToBalances: (changes: readonly CardBalanceRow[], db = root) =>
      bulkInsert(
        db,
        'rewards_card_balances',
        BALANCE_COLUMNS,
        changes,
        sql`on conflict (card_id) do update set
          pending = rewards_card_balances.pending + excluded.pending,
          available = rewards_card_balances.available + excluded.available,
          receivable = rewards_card_balances.receivable + excluded.receivable,
          version = rewards_card_balances.version + 1`,
      ),

    /** The stored balances of these cards; a card without postings has zeros. One indexed probe per card. */
    async balancesOfCards(cardIds: readonly string[], db = root): Promise<Map<string, CardBalances>> {
      const unique = [...new Set(cardIds)];
      const rows =
        unique.length === 0
          ? []
          : await db
              .selectFrom('rewards_card_balances')
              .select(['card_id', 'pending', 'available', 'receivable'])
              .where(inList(dialect, 'card_id', unique))
              .execute();
      const found = toBalances(rows);
      for (const id of unique) if (!found.has(id)) found.set(id, zero());
      return found;
    },

    /** Every stored balance row (a check for operators and tests; reads the whole table). */
    async storedBalances(db = root): Promise<Map<string, CardBalances>> {
      const rows = await db
        .selectFrom('rewards_card_balances')
        .select(['card_id', 'pending', 'available', 'receivable'])
        .execute();
      return toBalances(rows);
    },

    /** Every card's buckets summed over its postings (reads every posting). */
    async summedBalances(db = root): Promise<Map<string, CardBalances>> {
      const rows = await postingSums().execute(db);
      return toBalances(rows.rows as Record<CardBucket | 'card_id', unknown>[]);
    },

    /** Sets every row to its postings' sums and drops rows of cards without postings; the caller holds the ledger lock. */
    async rebuildBalances(db = root): Promise<void> {
      await sql`delete from rewards_card_balances
        where card_id not in (select card_id from rewards_postings)`.execute(db);
      await sql`insert into rewards_card_balances (card_id, pending, available, receivable, version)
        select card_id, pending, available, receivable, 1 from (${postingSums()}) sums where true
        on conflict (card_id) do update set pending = excluded.pending, available = excluded.available,
          receivable = excluded.receivable, version = rewards_card_balances.version + 1`.execute(db);
    },
  };
}
