import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCaps } from '../earning/test-helpers.ts';
import { ev, MERCHANTS, type PointsBed, startPointsBed } from './test-support.ts';

/**
 * Writers racing each other: two batches ingested at once (the API and an import, or two
 * importers) must neither apply an event twice nor hand out the same cap room twice. On
 * PostgreSQL they run on two connections at the same time; the ledger lock makes them queue.
 */
const CAPPED = withCaps('dining-2026h1', [
  { id: 'dining-monthly', scope: { kind: 'plan' }, period: 'month', limitPoints: 100 },
]);

describe.each(testDatabases())('caps and concurrent writers ($name)', (target) => {
  let bed: PointsBed;
  let card: { id: string; token: string };
  beforeAll(async () => {
    bed = await startPointsBed(target, CAPPED);
    const holder = await bed.holder('race');
    bed.at('2026-03-01', '08:00');
    card = await bed.issue(holder.handle);
    await bed.switchPlan(card.id, 'dining', '2026-03-01');
  });
  afterAll(async () => bed?.server.close());

  it('two overlapping batches at once: every event applied once, the monthly cap never exceeded', async () => {
    // NT$1,000 at dining Level 2 (3%): 3 general + 27 bonus each; ten of them want 270 bonus points.
    const settle = (i: number) =>
      ev.settlement(`race-${i}`, {
        card: card.id,
        on: '2026-03-10',
        at: `1${i % 10}:00`,
        ntd: 1000,
        merchant: MERCHANTS.skm,
      });
    const first = [0, 1, 2, 3, 4, 5, 6].map(settle);
    const second = [5, 6, 7, 8, 9].map(settle);
    const [a, b] = await Promise.all([
      bed.services.ingestor.ingest(first),
      bed.services.ingestor.ingest(second),
    ]);
    const outcomes = [...a, ...b];
    const applied = outcomes.filter((o) => o.status === 'applied').map((o) => o.eventId);
    expect(applied.sort()).toEqual([...Array(10).keys()].map((i) => `race-${i}`).sort());
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(2);

    const postings = await bed.services.ledger.history(card.id, 1000, null);
    const earned = postings.filter((p) => p.leg === 'earn').reduce((sum, p) => sum + Number(p.amount), 0);
    // 10 × 3 general (uncapped) + exactly the 100 bonus points the cap allows.
    expect(earned).toBe(130);
    expect(new Set(postings.map((p) => p.id)).size).toBe(postings.length);
  });

  it('keeps cap usage in the stored lines: a refund gives bonus room back to the month’s next settlement', async () => {
    const holder = await bed.holder('capped');
    bed.at('2026-04-01', '08:00');
    const own = await bed.issue(holder.handle);
    await bed.switchPlan(own.id, 'dining', '2026-04-01');
    const on = '2026-04-07';
    // NT$3,000 at 3%: 9 + 81; then NT$1,000 wants 27 bonus but only 19 of the 100 are left.
    const first = await bed.ingest(
      ev.settlement('cap-1', { card: own.id, on, ntd: 3000, merchant: MERCHANTS.skm }),
    );
    const second = await bed.ingest(
      ev.settlement('cap-2', { card: own.id, on, at: '13:00', ntd: 1000, merchant: MERCHANTS.skm }),
    );
    expect([first[0]?.points, second[0]?.points]).toEqual([90, 3 + 19]);
    // Refunding half of the first takes back half of 90, 45, split by the lines' points: 4.5 → 5
    // general and 40 bonus, freeing 40 bonus points: 81 + 19 − 40 = 60 used, so the next
    // settlement gets 40 of the 81 it wants.
    const refund = await bed.ingest(
      ev.refund('cap-r', { card: own.id, of: 'cap-1', ntd: 1500, on: '2026-04-08' }),
    );
    expect(refund[0]?.points).toBe(-45);
    const third = await bed.ingest(
      ev.settlement('cap-3', { card: own.id, on: '2026-04-09', ntd: 3000, merchant: MERCHANTS.skm }),
    );
    expect(third[0]?.points).toBe(9 + 40);
    const explained = await bed.services.transactions.points(own.id, third[0]!.transactionId!);
    expect(explained?.lines[1]?.line).toMatchObject({
      kind: 'bonus',
      cappedPoints: 41, // 81 wanted, 40 granted
      caps: [{ key: 'dining:dining-monthly@2026-04', usedBefore: 60, remainingAfter: 0 }],
    });
  });
});
