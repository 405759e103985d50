import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ev, MERCHANTS, type PointsBed, startPointsBed } from '../lifecycle/test-support.ts';

describe.each(testDatabases())('the release step ($name)', (target) => {
  let bed: PointsBed;
  beforeAll(async () => {
    bed = await startPointsBed(target);
  });
  afterAll(async () => bed?.server.close());

  it('releases every card’s due settlements once, dated by their business day, and leaves the rest pending', async () => {
    const cards = [];
    for (const name of ['rel_a', 'rel_b']) {
      const holder = await bed.holder(name);
      bed.at('2024-02-01', '08:00');
      const card = await bed.issue(holder.handle);
      await bed.switchPlan(card.id, 'dining', '2024-02-01');
      cards.push(card);
    }
    const [a, b] = [cards[0]!, cards[1]!];
    await bed.ingest(
      // Settled Mon 3/4 → available Wed 3/6; settled Thu 3/7 → available Mon 3/11.
      ev.settlement('rel-1', {
        card: a.id,
        on: '2024-03-02',
        settledOn: '2024-03-04',
        ntd: 3000,
        merchant: MERCHANTS.skm,
      }),
      ev.settlement('rel-2', {
        card: b.id,
        on: '2024-03-02',
        settledOn: '2024-03-04',
        ntd: 1000,
        merchant: MERCHANTS.skm,
      }),
      ev.settlement('rel-3', {
        card: a.id,
        on: '2024-03-05',
        settledOn: '2024-03-07',
        ntd: 1000,
        merchant: MERCHANTS.skm,
      }),
    );
    bed.at('2024-03-06', '00:00');
    expect(await bed.services.ledger.releaseDue()).toBe(2);
    expect(await bed.services.ledger.releaseDue()).toBe(0);
    const releases = (await bed.services.ledger.history(a.id, 100, null)).filter((p) => p.leg === 'release');
    expect(releases.map((p) => [p.event_id, Number(p.amount), Number(p.effective_at)])).toEqual([
      ['rel-1', 90, Date.UTC(2024, 2, 5, 16)],
    ]);
    expect(await bed.services.ledger.balances(a.id)).toEqual({ pending: 30, available: 90, owed: 0 });
    expect(await bed.services.ledger.balances(b.id)).toEqual({ pending: 0, available: 30, owed: 0 });
    bed.at('2024-03-11', '00:00');
    expect(await bed.services.ledger.releaseDue()).toBe(1);
    expect(await bed.services.ledger.balances(a.id)).toEqual({ pending: 0, available: 120, owed: 0 });
  });
});
