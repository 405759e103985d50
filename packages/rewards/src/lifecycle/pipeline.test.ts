import { tables } from '@plaza/kernel';
import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkEvent } from '../contracts.ts';
import { plannerStatistics } from './planner-statistics.ts';
import { diningCard, ev, MERCHANTS, type PointsBed, startPointsBed } from './test-support.ts';

/**
 * A stream of batches (the settlement-file import) prepares the next batch while one applies:
 * preparing reads no event and takes no lock, so what a batch decides depends only on the
 * batches applied before it, as when each is ingested alone.
 */
describe.each(testDatabases())('prepare while another batch applies ($name)', (target) => {
  let bed: PointsBed;
  let card: { id: string; token: string };
  beforeAll(async () => {
    bed = await startPointsBed(target);
    card = await diningCard(bed, 'pipe', '2026-03-01');
    bed.at('2026-03-20', '09:00');
  });
  afterAll(async () => bed?.server.close());

  it('a refund prepared before its settlement committed is applied, not held', async () => {
    const { ingestor } = bed.services;
    const settlement = ev.settlement('pipe-s1', {
      card: card.token,
      on: '2026-03-10',
      settledOn: '2026-03-12',
      ntd: 3000,
      merchant: MERCHANTS.skm,
    });
    const refund = ev.refund('pipe-r1', { card: card.token, of: 'pipe-s1', on: '2026-03-14', ntd: 1000 });
    const first = await ingestor.prepare([settlement]);
    const applying = ingestor.apply(first);
    const second = await ingestor.prepare([refund, { id: 'pipe-bad' } as unknown as NetworkEvent]);
    const [a, b] = [await applying, await ingestor.apply(second)];
    expect(a).toMatchObject([{ eventId: 'pipe-s1', status: 'applied', points: 90 }]);
    expect(b).toMatchObject([
      { eventId: 'pipe-r1', status: 'applied', points: -30 },
      { eventId: 'pipe-bad', status: 'rejected' },
    ]);
    expect(second.count).toBe(2);
  });

  it('applies a prepared batch once, and only its own ingestor’s', async () => {
    const { ingestor } = bed.services;
    const prepared = await ingestor.prepare([
      ev.settlement('pipe-s2', { card: card.id, on: '2026-03-15', ntd: 100, merchant: MERCHANTS.corner }),
    ]);
    await ingestor.apply(prepared);
    await expect(ingestor.apply(prepared)).rejects.toThrow('applied once');
    await expect(ingestor.apply({ count: 1 })).rejects.toThrow('this ingestor prepared');
  });

  it('reports how far the points tables changed since their statistics, and analyzes them', async () => {
    const stats = plannerStatistics(tables(bed.server.platform), (err) => {
      throw err;
    });
    if (target.name !== 'postgres') {
      expect(await stats.changes()).toEqual([]);
      return;
    }
    // The server's counters reach the statistics views within about a second of a commit.
    let events = undefined as number | undefined;
    for (let tries = 0; tries < 50 && !events; tries += 1) {
      const found = (await stats.changes()).find((t) => t.table === 'rewards_events');
      events = found?.changed;
      if (!events) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(events).toBeGreaterThan(0);
    const names = (await stats.changes()).map((t) => t.table).sort();
    expect(names).toEqual([
      'rewards_cap_uses',
      'rewards_card_balances',
      'rewards_events',
      'rewards_postings',
      'rewards_release_queue',
      'rewards_transactions',
    ]);
    await stats.analyze(['rewards_events', 'not_a_points_table']);
    const after = (await stats.changes()).find((t) => t.table === 'rewards_events');
    expect(after?.changed).toBe(0);
  });
});
