import { type Example, runExamples } from './acceptance-runner.ts';
import { ev, MERCHANTS } from './test-support.ts';

/**
 * Lifecycle acceptance examples, returns: refunds (held, partial, late), chargebacks and points
 * owed after a spend. "§" points into the CUBE research notes (rewards-anchors; moving into docs/rewards-rules.md with issue 12); "issue 3" is the
 * issue's own example list.
 */
const EXAMPLES: readonly Example[] = [
  {
    // Issue 3: "A NT$3,000 purchase at 3% (a 2024 plan version) refunded NT$1,000 → 60 of its 90
    // points remain": clawback 3 + 27 in proportion, by new postings (the earn postings stay).
    name: 'a NT$3,000 purchase at 3% (a 2024 plan version) refunded NT$1,000 → 60 of its 90 points remain',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [ev.settlement('r-s', { card: c.id, on: '2024-03-04', ntd: 3000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [90],
      },
      {
        ingest: [ev.refund('r-r', { card: c.id, of: 'r-s', ntd: 1000, on: '2024-03-07' })],
        statuses: ['applied'],
        points: [-30],
      },
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
      {
        ingest: [ev.refund('h-r', { card: c.id, of: 'h-s', ntd: 1000, on: '2024-03-07' })],
        statuses: ['held'],
      },
      { on: '2024-03-05', pending: 0, available: 0 },
      {
        ingest: [ev.settlement('h-s', { card: c.id, on: '2024-03-04', ntd: 3000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [90],
      },
      { transaction: { status: 'partially_refunded', net: 60 } },
      // The held refund, sent again, changes nothing.
      {
        ingest: [ev.refund('h-r', { card: c.id, of: 'h-s', ntd: 1000, on: '2024-03-07' })],
        statuses: ['duplicate'],
      },
      { on: '2024-03-08', pending: 0, available: 60 },
    ],
  },
  {
    // Issue 3: a chargeback returns the disputed amount's points like a refund.
    name: 'a chargeback of the whole amount returns all the points',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [ev.settlement('cb-s', { card: c.id, on: '2024-05-06', ntd: 3000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [90],
      },
      {
        ingest: [ev.refund('cb-c', { card: c.id, of: 'cb-s', ntd: 3000, on: '2024-05-20' }, 'chargeback')],
        statuses: ['applied'],
        points: [-90],
      },
      { transaction: { status: 'charged_back', net: 0 } },
      { on: '2024-05-21', pending: 0, available: 0 },
    ],
  },
  {
    // Reasoning: once the points were available, a refund takes them back from available; the
    // postings follow the refund's own date even though no release ran in between.
    name: 'a refund dated after the points became available takes them from available',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [ev.settlement('av-s', { card: c.id, on: '2024-06-03', ntd: 3000, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [90],
      },
      {
        ingest: [ev.refund('av-r', { card: c.id, of: 'av-s', ntd: 3000, on: '2024-06-20' })],
        statuses: ['applied'],
        points: [-90],
      },
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
      {
        ingest: [
          ev.settlement('ow-s1', { card: c.id, on: '2024-07-01', ntd: 3000, merchant: MERCHANTS.skm }),
        ],
        statuses: ['applied'],
      },
      { on: '2024-07-08', pending: 0, available: 90 },
      { spend: 80, reference: 'order-ow-1' },
      {
        ingest: [ev.refund('ow-r', { card: c.id, of: 'ow-s1', ntd: 3000, on: '2024-07-09' })],
        statuses: ['applied'],
        points: [-90],
      },
      { on: '2024-07-09', pending: 0, available: 0, owed: 80 },
      {
        ingest: [
          ev.settlement('ow-s2', { card: c.id, on: '2024-07-10', ntd: 3000, merchant: MERCHANTS.skm }),
        ],
        statuses: ['applied'],
      },
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
      // NT$1,150 at 3%: 3.45 + 31.05 = 34.5, rounded once per transaction → 35 (4 + 31).
      {
        ingest: [ev.settlement('pr-s', { card: c.id, on: '2024-08-01', ntd: 1150, merchant: MERCHANTS.skm })],
        statuses: ['applied'],
        points: [35],
      },
      {
        // NT$450 of 1,150: round(35 × 450/1150 = 13.70) = 14 from the transaction; the rest then.
        ingest: [
          ev.refund('pr-r1', { card: c.id, of: 'pr-s', ntd: 450, on: '2024-08-02' }),
          ev.refund('pr-r2', { card: c.id, of: 'pr-s', ntd: 700, on: '2024-08-02' }),
        ],
        statuses: ['applied', 'applied'],
        points: [-14, -21],
      },
      { transaction: { status: 'refunded', net: 0, earned: 35 } },
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
    // Reasoning: a return is in its settlement's currency (the share is taken in that currency);
    // a held one that turns out not to be is refused when the settlement comes, and stays refused.
    name: 'a held refund in another currency is refused when its settlement arrives, and answered so again',
    plans: [['dining', '2024-02-01']],
    steps: (c) => {
      const refund = ev.refund('cur-r', {
        card: c.id,
        of: 'cur-s',
        ntd: 0,
        amountMinor: 1000,
        currency: 'USD',
        on: '2024-09-10',
      });
      return [
        { ingest: [refund], statuses: ['held'] },
        {
          ingest: [
            ev.settlement('cur-s', { card: c.id, on: '2024-09-09', ntd: 1000, merchant: MERCHANTS.skm }),
          ],
          statuses: ['applied'],
          points: [30],
        },
        { ingest: [refund], statuses: ['rejected'], codes: ['currency_mismatch'] },
        { transaction: { status: 'settled', net: 30 } },
      ];
    },
  },
  {
    // Reasoning: a refund returns a settlement; naming an authorization is refused, as is a
    // settlement that names a refund as the authorization it clears.
    name: 'a refund naming an authorization, or a settlement naming a refund, is refused as original_event_type',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [
          ev.authorization('ty-a', { card: c.id, on: '2024-09-11', ntd: 500 }),
          ev.refund('ty-r', { card: c.id, of: 'ty-a', ntd: 100, on: '2024-09-12' }),
          ev.settlement('ty-s', { card: c.id, on: '2024-09-11', ntd: 500 }),
          ev.refund('ty-r2', { card: c.id, of: 'ty-s', ntd: 100, on: '2024-09-12' }),
          ev.settlement('ty-s2', { card: c.id, on: '2024-09-11', ntd: 500, auth: 'ty-r2' }),
        ],
        statuses: ['applied', 'rejected', 'applied', 'applied', 'rejected'],
        codes: [undefined, 'original_event_type', undefined, undefined, 'original_event_type'],
      },
    ],
  },
  {
    // Reasoning: a held refund is known before its settlement; another event naming it, in the
    // batch that brings the settlement, is refused and the held refund is applied exactly once.
    name: 'a batch that brings a held refund’s settlement and an event naming that refund applies the refund once',
    plans: [['dining', '2024-02-01']],
    steps: (c) => [
      {
        ingest: [ev.refund('hh-r', { card: c.id, of: 'hh-s', ntd: 1000, on: '2024-10-08' })],
        statuses: ['held'],
      },
      {
        ingest: [
          ev.settlement('hh-s', { card: c.id, on: '2024-10-01', ntd: 3000, merchant: MERCHANTS.skm }),
          ev.refund('hh-r2', { card: c.id, of: 'hh-r', ntd: 100, on: '2024-10-09' }),
        ],
        statuses: ['applied', 'rejected'],
        codes: [undefined, 'original_event_type'],
      },
      { transaction: { status: 'partially_refunded', net: 60 } },
    ],
  },
];

runExamples('lifecycle acceptance: returns', EXAMPLES);
