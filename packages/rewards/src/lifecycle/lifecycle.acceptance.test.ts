import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar/taipei-date.ts';
import type { EventStatus, NetworkEvent } from '../contracts.ts';
import { ev, MERCHANTS, type PointsBed, startPointsBed } from './test-support.ts';

/**
 * Lifecycle acceptance examples, through the real ingest path (events → engine → ledger) and
 * read back through the API. "§" points into /work/shared/research/rewards-anchors.md; "issue 3"
 * is the issue's own example list. Each example runs on its own cardholder and card.
 */
interface Cards {
  /** The card the events name (a supplementary card in the 附卡 example). */
  readonly id: string;
  readonly token: string;
  readonly holderToken: string;
  readonly primaryId: string;
}

type Step =
  /** Ingest these events as one batch, expecting these outcomes (and points, where given). */
  | { readonly ingest: readonly NetworkEvent[]; readonly statuses: readonly EventStatus[]; readonly points?: readonly (number | undefined)[]; readonly codes?: readonly (string | undefined)[] }
  /** On this Taipei date (the clock moves there), the card's points read through the API. */
  | { readonly on: CalendarDate; readonly pending: number; readonly available: number; readonly owed?: number }
  /** The card's newest transaction as the API lists it. */
  | { readonly transaction: { readonly status: string; readonly net: number; readonly earned?: number; readonly authorizedAmount?: number; readonly settledAmount?: number } }
  /** The legs of every posting the card has, oldest first, as `leg:points`. */
  | { readonly legs: readonly string[] }
  /** Spend available points (a redemption), as a later catalog will. */
  | { readonly spend: number; readonly reference: string };

interface Example {
  readonly name: string;
  /** Plan selections of the primary card, [plan, Taipei date], in date order. */
  readonly plans: readonly (readonly [string, CalendarDate])[];
  readonly level?: 1 | 2 | 3;
  /** Events go to a supplementary card of the primary (附卡). */
  readonly supplementary?: boolean;
  readonly steps: (c: Cards) => readonly Step[];
}

const EXAMPLES: readonly Example[] = [
  {
    // Issue 3: "The same settlement event posted three times → one posting" (per earning line).
    name: 'the same settlement event posted three times → one posting per line, the repeats answered as duplicates',
    plans: [['dining', '2024-02-01']],
    steps: (c) => {
      const s = ev.settlement('dup-s1', { card: c.token, on: '2024-02-15', at: '18:00', ntd: 3000, merchant: MERCHANTS.skm });
      return [
        { ingest: [s, s], statuses: ['applied', 'duplicate'], points: [90, undefined] },
        { ingest: [s], statuses: ['duplicate'] },
        { legs: ['earn:9', 'earn:81'] },
      ];
    },
  },
  {
    // Issue 3 / §1.8 A2: 2024-02-15 18:00 新光三越 NT$3,000 on 樂饗購 (2024: flat 3%) → 90 points.
    name: '2024-02-15 18:00 at 新光三越 NT$3,000 paid at once under 樂饗購 → 90 points, pending until the 2nd business day',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [ev.settlement('a2-s', { card: c.id, on: '2024-02-15', at: '18:00', settledOn: '2024-02-16', ntd: 3000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [90],
      },
      // Settled Friday 2/16 → 次二日 is Tuesday 2/20 (§1.3; weekends are not business days).
      { on: '2024-02-19', pending: 90, available: 0 },
      { on: '2024-02-20', pending: 0, available: 90 },
    ],
  },
  {
    // Issue 3 / §1.8 A1: 15:30 at 遠東SOGO NT$6,000 in 3 interest-free installments → general rate
    // only, 6 points on the first billed installment of NT$2,000 (the bank's own example).
    name: '2024-02-15 15:30 at 遠東SOGO NT$6,000 in 3 installments → 6 points on the first billed NT$2,000',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.settlement('a1-s1', {
            card: c.id,
            on: '2024-02-15',
            at: '15:30',
            ntd: 2000,
            amountMinor: 600_000,
            merchant: MERCHANTS.sogo,
            installments: { count: 3, index: 1 },
          }),
        ],
        statuses: ['applied'],
        points: [6],
      },
    ],
  },
  {
    // Issue 3: "A NT$3,000 purchase at 3% (a 2024 plan version) refunded NT$1,000 → 60 of its 90
    // points remain": clawback 3 + 27 in proportion, by new postings (the earn postings stay).
    name: 'a NT$3,000 purchase at 3% (a 2024 plan version) refunded NT$1,000 → 60 of its 90 points remain',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      { ingest: [ev.settlement('r-s', { card: c.id, on: '2024-03-04', ntd: 3000, merchant: MERCHANTS.skm })], statuses: ['applied'], points: [90] },
      { ingest: [ev.refund('r-r', { card: c.id, of: 'r-s', ntd: 1000, on: '2024-03-07' })], statuses: ['applied'], points: [-30] },
      { transaction: { status: 'partially_refunded', net: 60, earned: 90 } },
      // Settled Wed 3/6 → available Fri 3/8; the refund on Thu 3/7 took its 30 from pending.
      { legs: ['earn:9', 'earn:81', 'clawback_pending:3', 'clawback_pending:27'] },
      { on: '2024-03-08', pending: 0, available: 60 },
    ],
  },
  {
    // Issue 3: "a refund before its settlement is held until the settlement arrives".
    name: 'a refund that arrives before its settlement is held, then applied when the settlement arrives',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      { ingest: [ev.refund('h-r', { card: c.id, of: 'h-s', ntd: 1000, on: '2024-03-07' })], statuses: ['held'] },
      { on: '2024-03-05', pending: 0, available: 0 },
      { ingest: [ev.settlement('h-s', { card: c.id, on: '2024-03-04', ntd: 3000, merchant: MERCHANTS.skm })], statuses: ['applied'], points: [90] },
      { transaction: { status: 'partially_refunded', net: 60 } },
      // The held refund, sent again, changes nothing.
      { ingest: [ev.refund('h-r', { card: c.id, of: 'h-s', ntd: 1000, on: '2024-03-07' })], statuses: ['duplicate'] },
      { on: '2024-03-08', pending: 0, available: 60 },
    ],
  },
  {
    // Issue 3 / §1.3: the plan is the one selected on the transaction date (消費日), not the
    // settlement date. Dining L2 = 3% (90) vs digital's no channel at 新光三越 (9).
    name: 'a transaction on the 14th under plan X, settled on the 16th after a switch to plan Y on the 15th → earns by plan X',
    plans: [
      ['dining', '2026-03-01'],
      ['digital', '2026-03-15'],
    ],
    steps: (c) => [
      {
        ingest: [ev.settlement('xy-s', { card: c.id, on: '2026-03-14', settledOn: '2026-03-16', ntd: 3000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [90],
      },
    ],
  },
  {
    // Issue 3 / §1.2: 附卡適用方案依正卡持卡人設定為準 — the supplementary card earns by the primary's plan.
    name: 'the supplementary card’s transaction earns by the primary’s plan',
    plans: [['dining', '2026-03-02']],
    supplementary: true,
    steps: (c) => [
      {
        ingest: [ev.settlement('supp-s', { card: c.token, on: '2026-03-02', at: '20:00', ntd: 3000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [90],
      },
    ],
  },
  {
    // Issue 3 / §1.8 A3: NT$1,000 on 玩數位 at Level 2 → 30 points (3%: 3 + 27).
    name: 'NT$1,000 at Netflix on 玩數位 at Level 2 → 30 points',
    plans: [['digital', '2026-04-01']],
    level: 2,
    steps: (c) => [
      { ingest: [ev.settlement('l2-s', { card: c.id, on: '2026-04-03', ntd: 1000, merchant: MERCHANTS.netflix })], statuses: ['applied'], points: [30] },
    ],
  },
  {
    // §4: clearing may differ from the authorization (partial or over-clearing); points follow
    // the settled (billed) amount: NT$2,500 at 3% → 7.5 → 8 and 67.5 → 68, each line half-up.
    name: 'a settlement for less than its authorization earns on the settled amount',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.authorization('pa-a', { card: c.id, on: '2024-04-01', ntd: 3000, merchant: MERCHANTS.skm }),
          ev.settlement('pa-s', { card: c.id, on: '2024-04-01', ntd: 2500, merchant: MERCHANTS.skm, auth: 'pa-a' }),
        ],
        statuses: ['applied', 'applied'],
        points: [0, 76],
      },
      { transaction: { status: 'settled', net: 76, authorizedAmount: 300_000, settledAmount: 250_000 } },
    ],
  },
  {
    // §4: a forced capture (clearing with no authorization) is posted anyway, and so earns.
    name: 'a settlement with no authorization earns',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      { ingest: [ev.settlement('fc-s', { card: c.id, on: '2024-04-02', ntd: 1000, merchant: MERCHANTS.skm })], statuses: ['applied'], points: [30] },
      { transaction: { status: 'settled', net: 30, authorizedAmount: 0 } },
    ],
  },
  {
    // §4: an authorization is a hold; reversed, it never earns and leaves no posting.
    name: 'an authorization reversed before clearing earns nothing and shows as reversed',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.authorization('rv-a', { card: c.id, on: '2024-04-03', ntd: 1200, merchant: MERCHANTS.skm }),
          ev.follow('rv-r', 'authorization_reversal', { card: c.id, of: 'rv-a', ntd: 1200, on: '2024-04-03' }),
        ],
        statuses: ['applied', 'applied'],
        points: [0, 0],
      },
      { transaction: { status: 'reversed', net: 0, authorizedAmount: 0 } },
      { legs: [] },
    ],
  },
  {
    // §4: incremental authorizations raise the hold; an expiry ends it, with no points either way.
    name: 'an incremental authorization raises the hold and an expiry ends it',
    plans: [['travel', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.authorization('ex-a', { card: c.id, on: '2024-04-04', ntd: 1000, merchant: MERCHANTS.corner }),
          ev.follow('ex-i', 'incremental_authorization', { card: c.id, of: 'ex-a', ntd: 500, on: '2024-04-05' }),
        ],
        statuses: ['applied', 'applied'],
      },
      { transaction: { status: 'authorized', net: 0, authorizedAmount: 150_000 } },
      { ingest: [ev.follow('ex-e', 'authorization_expiry', { card: c.id, of: 'ex-a', ntd: 1500, on: '2024-04-12' })], statuses: ['applied'] },
      { transaction: { status: 'expired', net: 0, authorizedAmount: 0 } },
    ],
  },
  {
    // Issue 3: a chargeback returns the disputed amount's points like a refund.
    name: 'a chargeback of the whole amount returns all the points',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      { ingest: [ev.settlement('cb-s', { card: c.id, on: '2024-05-06', ntd: 3000, merchant: MERCHANTS.skm })], statuses: ['applied'], points: [90] },
      { ingest: [ev.refund('cb-c', { card: c.id, of: 'cb-s', ntd: 3000, on: '2024-05-20' }, 'chargeback')], statuses: ['applied'], points: [-90] },
      { transaction: { status: 'charged_back', net: 0 } },
      { on: '2024-05-21', pending: 0, available: 0 },
    ],
  },
  {
    // §1.3: 次二日, postponed on holidays. Settled Fri 2026-02-13; 2/16–2/20 are the Lunar New
    // Year holidays, so the 2nd business day is Tue 2/24.
    name: 'points become available on the 2nd business day after settlement, skipping holidays',
    plans: [['dining', '2026-02-01']],
    steps: (c) => [
      {
        ingest: [ev.settlement('bd-s', { card: c.id, on: '2026-02-11', settledOn: '2026-02-13', ntd: 1000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [30],
      },
      { on: '2026-02-23', pending: 30, available: 0 },
      { on: '2026-02-24', pending: 0, available: 30 },
      { legs: ['earn:3', 'earn:27', 'release:30'] },
    ],
  },
  {
    // Reasoning: once the points were available, a refund takes them back from available; the
    // postings follow the refund's own date even though no release ran in between.
    name: 'a refund dated after the points became available takes them from available',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      { ingest: [ev.settlement('av-s', { card: c.id, on: '2024-06-03', ntd: 3000, merchant: MERCHANTS.skm })], statuses: ['applied'], points: [90] },
      { ingest: [ev.refund('av-r', { card: c.id, of: 'av-s', ntd: 3000, on: '2024-06-20' })], statuses: ['applied'], points: [-90] },
      { legs: ['earn:9', 'earn:81', 'release:90', 'clawback_available:9', 'clawback_available:81'] },
      { on: '2024-06-21', pending: 0, available: 0 },
    ],
  },
  {
    // Reasoning (program default: available never negative): points spent and then clawed back
    // leave the card owing them; its next released points repay that first.
    name: 'a clawback of points already spent leaves the card owing them, repaid from its next points',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      { ingest: [ev.settlement('ow-s1', { card: c.id, on: '2024-07-01', ntd: 3000, merchant: MERCHANTS.skm })], statuses: ['applied'] },
      { on: '2024-07-08', pending: 0, available: 90 },
      { spend: 80, reference: 'order-ow-1' },
      { ingest: [ev.refund('ow-r', { card: c.id, of: 'ow-s1', ntd: 3000, on: '2024-07-09' })], statuses: ['applied'], points: [-90] },
      { on: '2024-07-09', pending: 0, available: 0, owed: 80 },
      { ingest: [ev.settlement('ow-s2', { card: c.id, on: '2024-07-10', ntd: 3000, merchant: MERCHANTS.skm })], statuses: ['applied'] },
      // Settled Fri 7/12 → available Tue 7/16: 90 released, 80 of it repays what was owed.
      { on: '2024-07-16', pending: 0, available: 10, owed: 0 },
    ],
  },
  {
    // Reasoning: refunds claw back on the cumulative share (engine §Refunds), so two partial
    // refunds that add up to the whole amount return exactly the earned points.
    name: 'two partial refunds adding up to the whole amount return exactly the earned points',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      // NT$1,150 at 3%: 3.45 → 3 and 31.05 → 31.
      { ingest: [ev.settlement('pr-s', { card: c.id, on: '2024-08-01', ntd: 1150, merchant: MERCHANTS.skm })], statuses: ['applied'], points: [34] },
      {
        // NT$450 of 1,150: round(3 × 450/1150) = 1 and round(31 × 450/1150) = 12; the rest then.
        ingest: [
          ev.refund('pr-r1', { card: c.id, of: 'pr-s', ntd: 450, on: '2024-08-02' }),
          ev.refund('pr-r2', { card: c.id, of: 'pr-s', ntd: 700, on: '2024-08-02' }),
        ],
        statuses: ['applied', 'applied'],
        points: [-13, -21],
      },
      { transaction: { status: 'refunded', net: 0, earned: 34 } },
    ],
  },
  {
    // Reasoning: refunds never return more than was paid; the excess refund is refused alone.
    name: 'a refund for more than is left is refused and changes nothing',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.settlement('ex2-s', { card: c.id, on: '2024-08-05', ntd: 1000, merchant: MERCHANTS.skm }),
          ev.refund('ex2-r1', { card: c.id, of: 'ex2-s', ntd: 800, on: '2024-08-09' }),
          ev.refund('ex2-r2', { card: c.id, of: 'ex2-s', ntd: 300, on: '2024-08-10' }),
        ],
        statuses: ['applied', 'applied', 'rejected'],
        codes: [undefined, undefined, 'refund_exceeds_original'],
      },
      { transaction: { status: 'partially_refunded', net: 6 } },
    ],
  },
  {
    // Issue 3: every event has the network's id; the same id with other content is refused.
    name: 'the same event id with other content is refused as event_id_conflict',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      { ingest: [ev.settlement('cf-s', { card: c.id, on: '2024-08-12', ntd: 1000, merchant: MERCHANTS.skm })], statuses: ['applied'], points: [30] },
      {
        ingest: [ev.settlement('cf-s', { card: c.id, on: '2024-08-12', ntd: 9000, merchant: MERCHANTS.skm })],
        statuses: ['rejected'],
        codes: ['event_id_conflict'],
      },
      { legs: ['earn:3', 'earn:27'] },
    ],
  },
  {
    // §1.7: foreign = another currency or an overseas merchant; points on the billed TWD at
    // 趣旅行's overseas in-person channel (2024: 3%): NT$3,000 → 90 whatever JPY 14,000 was.
    name: 'a yen purchase in Tokyo under 趣旅行 earns on its billed TWD amount',
    plans: [['travel', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.settlement('fx-s', {
            card: c.id,
            on: '2024-09-02',
            ntd: 3000,
            currency: 'JPY',
            amountMinor: 14_000,
            merchant: MERCHANTS.tokyoShop,
          }),
        ],
        statuses: ['applied'],
        points: [90],
      },
    ],
  },
  {
    // §1.8 A3: NT$250 general spending → 0.75 → 1 point; NT$150 → 0.45 → 0 (no posting).
    name: 'NT$250 general spending → 1 point; NT$150 → 0 points and no posting',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.settlement('g-250', { card: c.id, on: '2024-09-03', ntd: 250 }),
          ev.settlement('g-150', { card: c.id, on: '2024-09-03', ntd: 150 }),
        ],
        statuses: ['applied', 'applied'],
        points: [1, 0],
      },
      { legs: ['earn:1'] },
    ],
  },
];

describe.each(testDatabases())('transaction lifecycle acceptance ($name)', (target) => {
  let bed: PointsBed;
  beforeAll(async () => {
    bed = await startPointsBed(target);
  });
  afterAll(async () => bed?.server.close());

  async function cardsFor(example: Example): Promise<Cards> {
    const holder = await bed.holder('holder');
    bed.at(example.plans[0]?.[1] ?? '2024-01-02', '08:00');
    const primary = await bed.issue(holder.handle, { level: example.level ?? 2 });
    for (const [planId, date] of example.plans) await bed.switchPlan(primary.id, planId, date, '08:30');
    if (!example.supplementary) return { ...primary, holderToken: holder.token, primaryId: primary.id };
    const other = await bed.holder('supp');
    const supplementary = await bed.issue(other.handle, { primaryCardId: primary.id });
    return { ...supplementary, holderToken: other.token, primaryId: primary.id };
  }

  async function run(step: Step, c: Cards): Promise<void> {
    if ('ingest' in step) {
      const outcomes = await bed.ingest(...step.ingest);
      expect(outcomes.map((o) => o.status)).toEqual(step.statuses);
      if (step.points) expect(outcomes.map((o) => o.points)).toEqual(step.points);
      if (step.codes) expect(outcomes.map((o) => o.error?.code)).toEqual(step.codes);
    } else if ('on' in step) {
      bed.at(step.on, '09:00');
      const res = await bed.get(`/api/rewards/v1/cards/${c.id}/points`, c.holderToken);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ pending: step.pending, available: step.available, owed: step.owed ?? 0 });
    } else if ('transaction' in step) {
      const res = await bed.get(`/api/rewards/v1/cards/${c.id}/transactions?limit=1`, c.holderToken);
      expect(res.statusCode, res.body).toBe(200);
      const [tx] = res.json().items;
      const { net, earned, ...rest } = step.transaction;
      expect(tx).toMatchObject({ ...rest, points: { net, ...(earned === undefined ? {} : { earned }) } });
    } else if ('legs' in step) {
      const rows = await bed.services.ledger.history(c.id, 1000, null);
      const legs = rows
        .sort((a, b) => Number(a.effective_at) - Number(b.effective_at) || a.event_id.localeCompare(b.event_id) || a.line_no - b.line_no)
        .map((r) => `${r.leg}:${r.amount}`);
      expect(legs).toEqual(step.legs);
    } else {
      await bed.services.ledger.spend({ cardId: c.id, points: step.spend, reference: step.reference });
    }
  }

  it.each(EXAMPLES.map((e) => [e.name, e] as const))('%s', async (_name, example) => {
    const cards = await cardsFor(example);
    for (const step of example.steps(cards)) await run(step, cards);
  });
});
