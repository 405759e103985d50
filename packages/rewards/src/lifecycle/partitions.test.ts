import { tables } from '@plaza/kernel';
import { testDatabases } from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOutcome, NetworkEvent } from '../contracts.ts';
import { partitionOf } from '../ledger/lock.ts';
import { diningCard, ev, MERCHANTS, type PointsBed, startPointsBed } from './test-support.ts';
import { SPLIT_MIN_EVENTS } from './writer-groups.ts';

/**
 * On PostgreSQL a large chunk is applied as two transactions side by side, one per half of the
 * card partitions. What they decide must be what one transaction would: every event once, the
 * books balanced, a card's balance the sum of its outcomes; and writers of different partitions
 * racing for the same event id must end as if they had taken turns.
 */
describe.each(testDatabases())('writers by card partition ($name)', (target) => {
  let bed: PointsBed;
  let a: { id: string; token: string };
  let b: { id: string; token: string };
  beforeAll(async () => {
    bed = await startPointsBed(target);
    a = await diningCard(bed, 'parta', '2026-03-01');
    // A second card whose partition is in the other writer's half.
    for (let i = 0; ; i += 1) {
      b = await diningCard(bed, `partb${i}`, '2026-03-01');
      if (partitionOf(b.id) % 2 !== partitionOf(a.id) % 2) break;
    }
    bed.at('2026-03-25', '09:00');
  });
  afterAll(async () => bed?.server.close());

  const settle = (id: string, card: string, day: number) =>
    ev.settlement(id, {
      card,
      on: `2026-03-${String(10 + (day % 10)).padStart(2, '0')}`,
      ntd: 1000,
      merchant: MERCHANTS.skm,
    });
  const pointsOf = (outcomes: readonly EventOutcome[], ids: ReadonlySet<string>) =>
    outcomes
      .filter((o) => ids.has(o.eventId) && o.status === 'applied')
      .reduce((s, o) => s + (o.points ?? 0), 0);

  it('a chunk over both halves: each event once, balances the sums of the outcomes, books balanced', async () => {
    const events: NetworkEvent[] = [];
    for (let i = 0; i < SPLIT_MIN_EVENTS; i += 1) {
      const card = i % 2 === 0 ? a : b;
      events.push(settle(`big-${i}`, card.token, i));
    }
    // A refund ahead of its settlement (held, then applied), and a repeat within the chunk.
    events.splice(10, 0, ev.refund('big-r', { card: b.token, of: 'big-901', on: '2026-03-20', ntd: 500 }));
    events.push(settle('big-2', a.token, 2));
    const outcomes = await bed.services.ingestor.ingest(events);

    expect(outcomes.filter((o) => o.status === 'applied')).toHaveLength(SPLIT_MIN_EVENTS);
    expect(outcomes.at(-1)).toMatchObject({ eventId: 'big-2', status: 'duplicate' });
    expect(outcomes[10]).toMatchObject({ eventId: 'big-r', status: 'held' });
    const ofCard = (card: { token: string }) =>
      new Set(events.filter((e) => e.cardId === card.token).map((e) => e.id));
    // The held refund was applied when its settlement came, later in the same chunk.
    const history = await bed.services.ledger.history(b.id, 5_000, null);
    const clawedBack = history
      .filter((p) => p.event_id === 'big-r')
      .reduce((s, p) => s + Number(p.amount), 0);
    // NT$1,000 at dining Level 2 earns 3 general + 27 bonus; half of the 30 comes back, 15,
    // rounded once for the transaction (per line it would have been 2 + 14).
    expect(outcomes.find((o) => o.eventId === 'big-901')).toMatchObject({ status: 'applied', points: 30 });
    expect(clawedBack).toBe(15);
    const balanceOf = async (card: { id: string }) => {
      const { pending, available } = await bed.services.ledger.balances(card.id);
      return pending + available;
    };
    expect(await balanceOf(a)).toBe(pointsOf(outcomes.slice(0, -1), ofCard(a)));
    expect(await balanceOf(b)).toBe(pointsOf(outcomes, ofCard(b)) - clawedBack);
    const books = await bed.services.ledger.booksTotal();
    expect(books.liability + books.cards).toBe(0);
    expect(books.cards).toBe((await balanceOf(a)) + (await balanceOf(b)));
    expect(await bed.services.ledger.verifyBalances()).toEqual([]);
  });

  it('a return naming another card’s settlement in the same large chunk is refused, as one transaction would', async () => {
    const events = [...Array(SPLIT_MIN_EVENTS).keys()].map((i) =>
      settle(`mix-${i}`, (i % 2 === 0 ? a : b).token, i),
    );
    events.push(ev.refund('mix-r', { card: b.token, of: 'mix-0', on: '2026-03-21', ntd: 100 }));
    const outcomes = await bed.services.ingestor.ingest(events);
    expect(outcomes.at(-1)).toMatchObject({
      eventId: 'mix-r',
      status: 'rejected',
      error: { code: 'card_mismatch' },
    });
  });

  it('the same ids sent at once for cards of different partitions: one card’s applied, the other’s conflicts', async () => {
    const ids = [...Array(20).keys()].map((i) => `race-${i}`);
    const [first, second] = await Promise.all([
      bed.services.ingestor.ingest(ids.map((id, i) => settle(id, a.token, i))),
      bed.services.ingestor.ingest(ids.map((id, i) => settle(id, b.token, i))),
    ]);
    for (const [i, id] of ids.entries()) {
      const pair = [first![i]!, second![i]!];
      expect(pair.map((o) => o.eventId)).toEqual([id, id]);
      expect(pair.filter((o) => o.status === 'applied')).toHaveLength(1);
      expect(pair.filter((o) => o.error?.code === 'event_id_conflict')).toHaveLength(1);
    }
    expect(await bed.services.ledger.verifyBalances()).toEqual([]);
  });

  // PostgreSQL only: SQLite applies a chunk as one transaction, so no writer can commit alone.
  it.runIf(target.name === 'postgres')(
    'one writer fails after the other committed: sent again, the chunk ends as if applied once',
    async () => {
      const db = tables(bed.server.platform);
      const before = await Promise.all([a, b].map((card) => bed.services.ledger.balances(card.id)));
      const events = [...Array(SPLIT_MIN_EVENTS).keys()].map((i) =>
        settle(`half-${i}`, (i % 2 === 0 ? a : b).token, i),
      );
      // The failure a dying connection or a full disk would cause, in card b's writer only.
      await sql`create function plaza_test_fail() returns trigger language plpgsql as $$
        begin if new.id = 'half-999' then raise exception 'injected failure'; end if; return new; end $$`.execute(
        db,
      );
      await sql`create trigger plaza_test_fail before insert on rewards_events
        for each row execute function plaza_test_fail()`.execute(db);
      try {
        await expect(bed.services.ingestor.ingest(events)).rejects.toThrow('injected failure');
      } finally {
        await sql`drop trigger plaza_test_fail on rewards_events`.execute(db);
        await sql`drop function plaza_test_fail()`.execute(db);
      }
      const stored = await sql<{ card_id: string; n: string }>`select card_id, count(*) as n
        from rewards_events where id like 'half-%' group by card_id`.execute(db);
      expect(stored.rows.map((r) => [r.card_id, Number(r.n)])).toEqual([[a.id, SPLIT_MIN_EVENTS / 2]]);

      const again = await bed.services.ingestor.ingest(events);
      const statusOf = (card: { token: string }) =>
        new Set(again.filter((_, i) => events[i]!.cardId === card.token).map((o) => o.status));
      expect(statusOf(a)).toEqual(new Set(['duplicate']));
      expect(statusOf(b)).toEqual(new Set(['applied']));
      // NT$1,000 at dining Level 2: 30 points each, every settlement counted once.
      const after = await Promise.all([a, b].map((card) => bed.services.ledger.balances(card.id)));
      after.forEach((balance, i) => {
        const gained = balance.pending + balance.available - before[i]!.pending - before[i]!.available;
        expect(gained).toBe(30 * (SPLIT_MIN_EVENTS / 2));
      });
      expect(await bed.services.ledger.verifyBalances()).toEqual([]);
    },
  );
});
