import { testDatabases } from '@plaza/kernel/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type CalendarDate } from '../calendar/taipei-date.ts';
import type { NetworkEvent, NetworkMerchant } from '../contracts.ts';
import { diningCard, ev, MERCHANTS, type PointsBed, startPointsBed } from './test-support.ts';

/**
 * Random event histories through the real ingest path. A purchase may have an authorization,
 * has a settlement, and may be partly refunded and charged back; any arrival order is
 * permitted (returns before their settlement are held), events may come twice, and batches are
 * cut anywhere. Invariants: the books balance, available never goes negative, and any order
 * gives the same balances and the same points per purchase, and every card's balance row equals
 * the sums of its postings.
 */
const FIRST_DAY = '2024-03-01';
const SHOPS: readonly NetworkMerchant[] = [
  MERCHANTS.skm,
  MERCHANTS.corner,
  MERCHANTS.netflix,
  MERCHANTS.sogo,
];

interface PurchaseShape {
  readonly ntd: number;
  readonly shop: number;
  readonly day: number;
  readonly settleDelay: number;
  readonly auth: boolean;
  /** Shares of what is left, refunded one after another, each some days after clearing. */
  readonly refunds: readonly { readonly share: number; readonly after: number }[];
  readonly chargeback: boolean;
}

const purchase: fc.Arbitrary<PurchaseShape> = fc.record({
  ntd: fc.integer({ min: 1, max: 20_000 }),
  shop: fc.nat({ max: SHOPS.length - 1 }),
  day: fc.nat({ max: 20 }),
  settleDelay: fc.nat({ max: 3 }),
  auth: fc.boolean(),
  refunds: fc.array(
    fc.record({ share: fc.double({ min: 0.05, max: 1, noNaN: true }), after: fc.nat({ max: 12 }) }),
    {
      maxLength: 2,
    },
  ),
  chargeback: fc.boolean(),
});

/** The events of a history for one card; ids carry `prefix` so two cards can replay the same history. */
function eventsOf(
  shapes: readonly PurchaseShape[],
  prefix: string,
  card: string,
): { events: NetworkEvent[]; last: CalendarDate } {
  const events: NetworkEvent[] = [];
  let last = FIRST_DAY;
  shapes.forEach((p, i) => {
    const on = addDays(FIRST_DAY, p.day);
    const settledOn = addDays(on, p.settleDelay);
    const id = `${prefix}-${i}`;
    const merchant = SHOPS[p.shop]!;
    if (p.auth) events.push(ev.authorization(`${id}-a`, { card, on, ntd: p.ntd + 7, merchant }));
    events.push(
      ev.settlement(`${id}-s`, {
        card,
        on,
        settledOn,
        settledAt: '23:30',
        ntd: p.ntd,
        merchant,
        ...(p.auth ? { auth: `${id}-a` } : {}),
      }),
    );
    let left = p.ntd;
    p.refunds.forEach((r, k) => {
      const amount = Math.min(left, Math.max(1, Math.floor(left * r.share)));
      if (amount <= 0) return;
      left -= amount;
      const date = addDays(settledOn, r.after);
      if (date > last) last = date;
      events.push(ev.refund(`${id}-r${k}`, { card, of: `${id}-s`, ntd: amount, on: date }));
    });
    if (p.chargeback && left > 0) {
      const date = addDays(settledOn, 14);
      if (date > last) last = date;
      events.push(ev.refund(`${id}-c`, { card, of: `${id}-s`, ntd: left, on: date }, 'chargeback'));
    }
    if (settledOn > last) last = settledOn;
  });
  return { events, last };
}

/** A permutation of the events, cut into batches, some events sent twice. */
const arrival = (n: number) =>
  fc.record({
    keys: fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }),
    cuts: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
    repeats: fc.array(fc.nat({ max: Math.max(0, n - 1) }), { maxLength: 3 }),
  });

type Arrival = { keys: number[]; cuts: number[]; repeats: number[] };

function batchesOf(events: readonly NetworkEvent[], a: Arrival): NetworkEvent[][] {
  const order = events
    .map((e, i) => ({ e, k: a.keys[i]! }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.e);
  for (const r of a.repeats) if (events[r]) order.push(events[r]);
  const batches: NetworkEvent[][] = [];
  for (let i = 0, c = 0; i < order.length; c++) {
    const size = a.cuts[c % a.cuts.length] ?? 1;
    batches.push(order.slice(i, i + size));
    i += size;
  }
  return batches;
}

describe.each(testDatabases())('lifecycle invariants over random histories ($name)', (target) => {
  let bed: PointsBed;
  beforeAll(async () => {
    bed = await startPointsBed(target);
  });
  afterAll(async () => bed?.server.close());

  async function state(cardId: string) {
    const balances = await bed.services.ledger.balances(cardId);
    const page = await bed.services.transactions.page(cardId, 100, null);
    const purchases = page.items
      .map((t) => ({
        at: t.transactionAt,
        settled: t.settledAmount,
        refunded: t.refundedAmount + t.chargedBackAmount,
        status: t.status,
        points: t.points,
      }))
      // A total order on what is compared: two purchases at the same instant (their order on the
      // page follows their ids, which differ between the two cards) sort by their whole content.
      .map((p) => ({ p, key: JSON.stringify(p) }))
      .sort((x, y) => x.p.at - y.p.at || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
      .map(({ p }) => p);
    return { balances, purchases };
  }

  it('any permitted order, batching and repetition gives the same balances and points; a replay adds nothing', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(purchase, { minLength: 1, maxLength: 5 }).chain((shapes) => {
          const n = eventsOf(shapes, 'x', 'x').events.length;
          return fc.tuple(fc.constant(shapes), arrival(n), arrival(n));
        }),
        async ([shapes, first, second]) => {
          run += 1;
          const [a, b] = [await diningCard(bed, 'prop'), await diningCard(bed, 'prop')];
          const histA = eventsOf(shapes, `p${run}a`, a.id);
          const histB = eventsOf(shapes, `p${run}b`, b.token);
          // Reads in between release what is due by then, as a busy card app would.
          bed.at(histA.last, '23:00');
          for (const batch of batchesOf(histA.events, first)) {
            const outcomes = await bed.ingest(...batch);
            expect(
              outcomes.every((o) => o.status !== 'rejected'),
              JSON.stringify(outcomes),
            ).toBe(true);
            await bed.services.ledger.balances(a.id);
          }
          for (const batch of batchesOf(histB.events, second)) await bed.ingest(...batch);
          bed.at(histA.last, '23:00');
          const [sa, sb] = [await state(a.id), await state(b.id)];
          expect(sa).toEqual(sb);
          const net = sa.purchases.reduce((sum, p) => sum + p.points.net, 0);
          expect(sa.balances.pending + sa.balances.available - sa.balances.owed).toBe(net);
          const postings = (await bed.services.ledger.history(a.id, 10_000, null)).length;
          const replay = await bed.ingest(...histA.events);
          expect(replay.every((o) => o.status === 'duplicate')).toBe(true);
          expect((await bed.services.ledger.history(a.id, 10_000, null)).length).toBe(postings);
          // The balance rows are a projection of the postings: every card's equals its sums.
          expect(await bed.services.ledger.verifyBalances()).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);

  it('with points spent along the way, available never goes negative and the books balance', async () => {
    const spentBy = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(purchase, { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 6 }),
        async (shapes, spends) => {
          const card = await diningCard(bed, 'prop');
          const { events, last } = eventsOf(shapes, `s${spentBy.size}`, card.id);
          spentBy.set(card.id, 0);
          // Events in clearing order, a spend attempt after each, the clock a day past each event.
          for (const [i, event] of events.entries()) {
            bed.at(addDays(event.settledAt?.slice(0, 10) ?? event.transactionAt.slice(0, 10), 5), '12:00');
            expect((await bed.ingest(event))[0]?.status).toBe('applied');
            const want = spends[i % spends.length]!;
            const { available } = await bed.services.ledger.balances(card.id);
            if (want <= available) {
              await bed.services.ledger.spend({
                cardId: card.id,
                points: want,
                reference: `${card.id}-${i}`,
              });
              spentBy.set(card.id, spentBy.get(card.id)! + want);
            }
            const after = await bed.services.ledger.balances(card.id);
            expect(after.available).toBeGreaterThanOrEqual(0);
            expect(after.owed).toBeGreaterThanOrEqual(0);
          }
          bed.at(addDays(last, 10), '12:00');
          const final = await bed.services.ledger.balances(card.id);
          const page = await bed.services.transactions.page(card.id, 100, null);
          const net = page.items.reduce((sum, t) => sum + t.points.net, 0);
          expect(final.pending + final.available - final.owed).toBe(net - spentBy.get(card.id)!);
          const books = await bed.services.ledger.booksTotal();
          expect(books.liability + books.cards).toBe(0);
          expect(await bed.services.ledger.verifyBalances()).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);
});
