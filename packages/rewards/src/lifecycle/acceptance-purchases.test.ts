import { type Example, runExamples } from './acceptance-runner.ts';
import { ev, MERCHANTS } from './test-support.ts';

/**
 * Lifecycle acceptance examples, purchases: settlement, authorization and availability. "§"
 * points into the CUBE research notes (rewards-anchors; moving into docs/rewards-rules.md with issue 12); "issue 3" is the issue's own example
 * list. Refunds, chargebacks and shortfalls are in acceptance-returns.test.ts.
 */
const EXAMPLES: readonly Example[] = [
  {
    // Issue 3: "The same settlement event posted three times → one posting" (per earning line).
    name: 'the same settlement event posted three times → one posting per line, the repeats answered as duplicates',
    plans: [['dining', '2024-02-01']],
    steps: (c) => {
      const s = ev.settlement('dup-s1', {
        card: c.token,
        on: '2024-02-15',
        at: '18:00',
        ntd: 3000,
        merchant: MERCHANTS.skm,
      });
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
        ingest: [
          ev.settlement('a2-s', {
            card: c.id,
            on: '2024-02-15',
            at: '18:00',
            settledOn: '2024-02-16',
            ntd: 3000,
            merchant: MERCHANTS.skm,
          }),
        ],
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
    // Issue 3 / §1.3: the plan is the one selected on the transaction date (消費日), not the
    // settlement date. Dining L2 = 3% (90) vs digital's no channel at 新光三越 (9).
    name: 'a transaction on the 14th under plan X, settled on the 16th after a switch to plan Y on the 15th → earns by plan X',
    plans: [
      ['dining', '2026-03-01'],
      ['digital', '2026-03-15'],
    ],
    steps: (c) => [
      {
        ingest: [
          ev.settlement('xy-s', {
            card: c.id,
            on: '2026-03-14',
            settledOn: '2026-03-16',
            ntd: 3000,
            merchant: MERCHANTS.skm,
          }),
        ],
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
        ingest: [
          ev.settlement('supp-s', {
            card: c.token,
            on: '2026-03-02',
            at: '20:00',
            ntd: 3000,
            merchant: MERCHANTS.skm,
          }),
        ],
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
      {
        ingest: [
          ev.settlement('l2-s', { card: c.id, on: '2026-04-03', ntd: 1000, merchant: MERCHANTS.netflix }),
        ],
        statuses: ['applied'],
        points: [30],
      },
    ],
  },
  {
    // §4: clearing may differ from the authorization (partial or over-clearing); points follow
    // the settled (billed) amount: NT$2,500 at 3% → 7.5 + 67.5 = 75, rounded once per transaction
    // (each line half-up alone would give 8 + 68 = 76).
    name: 'a settlement for less than its authorization earns on the settled amount',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.authorization('pa-a', { card: c.id, on: '2024-04-01', ntd: 3000, merchant: MERCHANTS.skm }),
          ev.settlement('pa-s', {
            card: c.id,
            on: '2024-04-01',
            ntd: 2500,
            merchant: MERCHANTS.skm,
            auth: 'pa-a',
          }),
        ],
        statuses: ['applied', 'applied'],
        points: [0, 75],
      },
      { transaction: { status: 'settled', net: 75, authorizedAmount: 300_000, settledAmount: 250_000 } },
    ],
  },
  {
    // §4: a forced capture (clearing with no authorization) is posted anyway, and so earns.
    name: 'a settlement with no authorization earns',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [ev.settlement('fc-s', { card: c.id, on: '2024-04-02', ntd: 1000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [30],
      },
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
          ev.follow('rv-r', 'authorization_reversal', {
            card: c.id,
            of: 'rv-a',
            ntd: 1200,
            on: '2024-04-03',
          }),
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
          ev.follow('ex-i', 'incremental_authorization', {
            card: c.id,
            of: 'ex-a',
            ntd: 500,
            on: '2024-04-05',
          }),
        ],
        statuses: ['applied', 'applied'],
      },
      { transaction: { status: 'authorized', net: 0, authorizedAmount: 150_000 } },
      {
        ingest: [
          ev.follow('ex-e', 'authorization_expiry', { card: c.id, of: 'ex-a', ntd: 1500, on: '2024-04-12' }),
        ],
        statuses: ['applied'],
      },
      { transaction: { status: 'expired', net: 0, authorizedAmount: 0 } },
    ],
  },
  {
    // §1.3: 次二日, postponed on holidays. Settled Fri 2026-02-13; 2/16–2/20 are the Lunar New
    // Year holidays, so the 2nd business day is Tue 2/24.
    name: 'points become available on the 2nd business day after settlement, skipping holidays',
    plans: [['dining', '2026-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.settlement('bd-s', {
            card: c.id,
            on: '2026-02-11',
            settledOn: '2026-02-13',
            ntd: 1000,
            merchant: MERCHANTS.skm,
          }),
        ],
        statuses: ['applied'],
        points: [30],
      },
      { on: '2026-02-23', pending: 30, available: 0 },
      { on: '2026-02-24', pending: 0, available: 30 },
      { legs: ['earn:3', 'earn:27', 'release:30'] },
    ],
  },
  {
    // Issue 3: every event has the network's id; the same id with other content is refused.
    name: 'the same event id with other content is refused as event_id_conflict',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [ev.settlement('cf-s', { card: c.id, on: '2024-08-12', ntd: 1000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [30],
      },
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

runExamples('lifecycle acceptance: purchases', EXAMPLES);
