import { tables } from '@plaza/kernel';
import { createTestPlatform, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diningCard, ev, MERCHANTS, type PointsBed, startPointsBed } from '../lifecycle/test-support.ts';
import { balanceChanges } from './balance-store.ts';
import { up as createLedger } from './migrations/20261126T090000-rewards-ledger.ts';
import { up as addBalances } from './migrations/20261126T120000-rewards-card-balances.ts';
import type { PostingRow, RewardsLedgerTables } from './tables.ts';

let postings = 0;
function posting(card: string, debit: string, credit: string, amount: number): PostingRow {
  postings += 1;
  return {
    id: `posting-${postings}`,
    event_id: 'e',
    line_no: 0,
    leg: 'earn',
    card_id: card,
    transaction_id: null,
    settlement_id: null,
    debit_account: debit,
    credit_account: credit,
    amount,
    effective_at: 0,
    recorded_at: 0,
  };
}

describe('balanceChanges', () => {
  it('adds credits and subtracts debits per bucket of the posting’s own card, ignoring the bank', () => {
    const changes = balanceChanges([
      posting('c1', 'bank:points_liability', 'card:c1:pending', 90),
      posting('c1', 'card:c1:pending', 'card:c1:available', 60),
      posting('c1', 'card:c1:receivable', 'bank:points_liability', 5),
      posting('c2', 'card:c2:available', 'bank:points_liability', 7),
    ]);
    expect(changes).toEqual([
      { card_id: 'c1', pending: 30, available: 60, receivable: -5, version: 1 },
      { card_id: 'c2', pending: 0, available: -7, receivable: 0, version: 1 },
    ]);
  });
});

describe.each(testDatabases())('card balance rows ($name)', (target) => {
  let bed: PointsBed;
  beforeAll(async () => {
    bed = await startPointsBed(target);
  });
  afterAll(async () => bed?.server.close());

  it('follow every posting, are found when wrong or missing, and are rebuilt from the postings alone', async () => {
    const card = await diningCard(bed, 'bal');
    await bed.ingest(
      ev.settlement('bal-1', {
        card: card.id,
        on: '2024-03-02',
        settledOn: '2024-03-04',
        ntd: 3000,
        merchant: MERCHANTS.skm,
      }),
      ev.settlement('bal-2', {
        card: card.id,
        on: '2024-03-05',
        settledOn: '2024-03-07',
        ntd: 1000,
        merchant: MERCHANTS.skm,
      }),
    );
    bed.at('2024-03-06', '12:00');
    await bed.services.ledger.spend({ cardId: card.id, points: 50, reference: 'bal-spend' });
    await bed.ingest(ev.refund('bal-r', { card: card.id, of: 'bal-1', ntd: 3000, on: '2024-03-06' }));
    const balances = await bed.services.ledger.balances(card.id);
    // 90 released, 50 spent, then the full refund takes 40 from available and 50 becomes owed.
    expect(balances).toEqual({ pending: 30, available: 0, owed: 50 });
    expect(await bed.services.ledger.verifyBalances()).toEqual([]);

    const db = tables<RewardsLedgerTables>(bed.server.platform);
    await db
      .updateTable('rewards_card_balances')
      .set({ available: 999 })
      .where('card_id', '=', card.id)
      .execute();
    await db
      .insertInto('rewards_card_balances')
      .values({ card_id: 'no-postings', pending: 1, available: 0, receivable: 0, version: 1 })
      .execute();
    const found = await bed.services.ledger.verifyBalances();
    expect(found.map((m) => [m.cardId, m.stored.available, m.postings.available])).toEqual(
      [
        [card.id, 999, 0],
        ['no-postings', 0, 0],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    await bed.services.ledger.rebuildBalances();
    expect(await bed.services.ledger.verifyBalances()).toEqual([]);
    expect(await bed.services.ledger.balances(card.id)).toEqual(balances);

    await db.deleteFrom('rewards_card_balances').where('card_id', '=', card.id).execute();
    expect((await bed.services.ledger.verifyBalances()).map((m) => m.cardId)).toEqual([card.id]);
    await bed.services.ledger.rebuildBalances();
    expect(await bed.services.ledger.verifyBalances()).toEqual([]);
    const [row] = await db
      .selectFrom('rewards_card_balances')
      .selectAll()
      .where('card_id', '=', card.id)
      .execute();
    expect(row && [Number(row.pending), Number(row.available), Number(row.receivable)]).toEqual([30, 0, -50]);
  });
});

describe.each(testDatabases())('the card balances migration ($name)', (target) => {
  it('backfills every card’s row from the postings already written', async () => {
    const test = await createTestPlatform(target);
    try {
      const db = tables<RewardsLedgerTables>(test.platform);
      await createLedger(db);
      const rows = [
        posting('c1', 'bank:points_liability', 'card:c1:pending', 90),
        posting('c1', 'card:c1:pending', 'card:c1:available', 60),
        posting('c1', 'card:c1:receivable', 'bank:points_liability', 5),
        posting('c2', 'card:c2:available', 'bank:points_liability', 7),
      ];
      await db.insertInto('rewards_postings').values(rows).execute();
      await addBalances(db);
      const stored = await db.selectFrom('rewards_card_balances').selectAll().orderBy('card_id').execute();
      expect(
        stored.map((r) => ({
          ...r,
          pending: Number(r.pending),
          available: Number(r.available),
          receivable: Number(r.receivable),
          version: Number(r.version),
        })),
      ).toEqual(balanceChanges(rows));
    } finally {
      await test.close();
    }
  });
});
