import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, taipeiInstant } from '../calendar/taipei-date.ts';
import { CUBE_PROGRAM } from '../program/cube-program.ts';
import type { Program } from '../program/types.ts';
import { addCapUsage } from './caps.ts';
import { computeEarning } from './engine.ts';
import { TWD_MINOR_PER_TWD } from './money.ts';
import { clawbackLines } from './refund.ts';
import { resolvePlanVersion } from './selection.ts';
import { withCaps } from './test-helpers.ts';
import type { CapUsage, CardState, EarningLine, EarningTransaction } from './types.ts';

const MERCHANTS = [
  { id: 'shin-kong-mitsukoshi', mcc: '5311' },
  { id: 'netflix', mcc: '4899' },
  { id: 'uber-eats', mcc: '5814' },
  { id: 'pxmart', mcc: '5411' },
  { id: 'agoda', mcc: '7011' },
  { id: 'playstation', mcc: '5816' },
  { id: 'corner-noodles', mcc: '5812' },
  { id: 'toy-shop', mcc: '5945' },
  { id: 'hardware', mcc: '5251' },
];
const PLAN_IDS = [undefined, ...CUBE_PROGRAM.plans.map((plan) => plan.id)];

interface TxShape {
  readonly firstDay: string;
  readonly days: number;
  /** Upper bounds of billed amounts (TWD minor units, odd cents included), one drawn each time. */
  readonly billedMaxima: readonly number[];
  readonly merchants: readonly (typeof MERCHANTS)[number][];
  readonly installments: boolean;
  /** Draw amounts that are exact-half ties at some rate about as often as any other amount. */
  readonly ties?: boolean;
}

// Every total rate the program pays (general alone, or a channel's), in basis points.
const RATES_BPS = [
  ...new Set([
    CUBE_PROGRAM.settings.generalRateBps,
    ...CUBE_PROGRAM.plans.flatMap((plan) =>
      plan.versions.flatMap((version) =>
        version.channels.flatMap((channel) =>
          channel.rate.kind === 'flat' ? [channel.rate.bps] : Object.values(channel.rate.bps),
        ),
      ),
    ),
  ]),
];
const HALF_POINT = 500_000n; // half a point in NT$-minor × bps units (1 point = 1,000,000)
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Amounts whose exact points at some rate end in exactly .5: amount × rate = 500,000 × odd.
 * With the amount (500,000 / gcd) × odd, amount × rate = 500,000 × odd × (rate / gcd), and
 * rate / gcd is odd for every rate here (none has more than 2^5 in it).
 */
const TIE_BILLED = fc
  .constantFrom(...RATES_BPS)
  .chain((rate) =>
    fc
      .integer({ min: 0, max: 20_000 })
      .map((k) => Number((HALF_POINT / gcd(HALF_POINT, BigInt(rate))) * BigInt(2 * k + 1))),
  );

/** num/den rounded half-up, written apart from money.ts (quotient and remainder, not 2n+d / 2d). */
function halfUp(num: bigint, den: bigint): bigint {
  const whole = num / den;
  return 2n * (num - whole * den) >= den ? whole + 1n : whole;
}

const INSTALLMENTS = fc
  .integer({ min: 2, max: 24 })
  .chain((count) => fc.record({ count: fc.constant(count), index: fc.integer({ min: 1, max: count }) }));

function transactionArb(shape: TxShape): fc.Arbitrary<EarningTransaction> {
  const { firstDay, days, billedMaxima, merchants } = shape;
  return fc
    .record({
      day: fc.integer({ min: 0, max: days - 1 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      billed: fc.oneof(
        ...billedMaxima.map((max) => fc.integer({ min: 0, max })),
        ...(shape.ties ? [TIE_BILLED, TIE_BILLED] : []),
      ),
      merchant: fc.constantFrom(...merchants),
      country: fc.constantFrom('TW', 'TW', 'JP', 'US'),
      currency: fc.constantFrom('TWD', 'TWD', 'JPY', 'USD'),
      presence: fc.constantFrom('in_person' as const, 'online' as const),
      installments: shape.installments ? fc.option(INSTALLMENTS) : fc.constant(null),
    })
    .map(({ day, minute, billed, merchant, country, currency, presence, installments }) => {
      const on = addDays(firstDay, day);
      const transactionAt = taipeiInstant(on) + minute * 60_000;
      return {
        id: `tx-${day}-${minute}`,
        amountMinor: billed,
        currency,
        billedAmountTwdMinor: billed,
        merchant: { id: merchant.id, name: merchant.id, mcc: merchant.mcc, country, presence },
        transactionAt,
        settledAt: transactionAt + 2 * 86_400_000,
        ...(installments ? { installments } : {}),
      };
    });
}

const cardArb: fc.Arbitrary<CardState> = fc.record({
  level: fc.constantFrom(1 as const, 2 as const, 3 as const),
  birthMonth: fc.option(fc.integer({ min: 1, max: 12 })),
  eligibleFrom: fc.constantFrom<Record<string, string>>({}, { kids: '2025-09-01' }),
});

function earnWith(
  program: Program,
  planId: string | undefined,
  tx: EarningTransaction,
  card: CardState,
  capsUsed: CapUsage,
) {
  const history = planId ? [{ planId, effectiveFrom: '2000-01-01' }] : [];
  const planVersion = resolvePlanVersion(program, history, tx);
  return computeEarning({ transaction: tx, planVersion, card, capsUsed, settings: program.settings });
}

// 2024-01-01 … 2026-12-31; amounts up to the largest safe integer, where amount × rate passes
// 2^53 and only exact (BigInt) arithmetic stays right.
const earningArb = fc.record({
  tx: transactionArb({
    firstDay: '2024-01-01',
    days: 1096,
    billedMaxima: [100_000, 10_000_000_000, Number.MAX_SAFE_INTEGER],
    merchants: MERCHANTS,
    installments: true,
    ties: true,
  }),
  card: cardArb,
  planId: fc.constantFrom(...PLAN_IDS),
  selection: fc.constantFrom('transaction' as const, 'settlement' as const),
});

function programFor(
  selection: 'transaction' | 'settlement',
  rounding: 'transaction' | 'line' = 'transaction',
) {
  return { ...CUBE_PROGRAM, settings: { ...CUBE_PROGRAM.settings, planSelectionDate: selection, rounding } };
}

const POINT = BigInt(TWD_MINOR_PER_TWD * 10_000); // CUBE: 1 point per NT$, so amount × bps / this

/** A line's exact points × POINT, from its amount and rate alone (not from money.ts). */
function exactNum(line: EarningLine): bigint {
  if (line.kind === 'clawback') throw new Error('not an earning line');
  return BigInt(line.calc.basisTwdMinor) * BigInt(line.calc.rateBps);
}

describe('points engine properties', () => {
  it('earns whole, non-negative points on every line, so the total is never negative', () => {
    fc.assert(
      fc.property(earningArb, ({ tx, card, planId, selection }) => {
        const earned = earnWith(programFor(selection), planId, tx, card, {});
        for (const line of earned.lines) {
          expect(Number.isSafeInteger(line.points)).toBe(true);
          expect(line.points).toBeGreaterThanOrEqual(0);
        }
        expect(earned.totalPoints).toBe(earned.lines.reduce((sum, line) => sum + line.points, 0));
        expect(earned.totalPoints).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('rounds the transaction’s exact total once, half-up, and gives each line its floor or ceiling', () => {
    let ties = 0;
    fc.assert(
      fc.property(earningArb, ({ tx, card, planId, selection }) => {
        const earned = earnWith(programFor(selection), planId, tx, card, {});
        const nums = earned.lines.map(exactNum);
        const exactTotal = nums.reduce((a, b) => a + b, 0n);
        if (2n * (exactTotal % POINT) === POINT) ties += 1;
        expect(BigInt(earned.totalPoints)).toBe(halfUp(exactTotal, POINT));
        earned.lines.forEach((line, i) => {
          const floor = nums[i]! / POINT;
          expect([floor, floor + (nums[i]! % POINT === 0n ? 0n : 1n)]).toContain(BigInt(line.points));
        });
      }),
      { numRuns: 500 },
    );
    // Guards the property from passing without ever meeting an exact half.
    expect(ties).toBeGreaterThan(25);
  });

  it('with per-line rounding, rounds each line on its own, half-up', () => {
    let ties = 0;
    fc.assert(
      fc.property(earningArb, ({ tx, card, planId, selection }) => {
        for (const line of earnWith(programFor(selection, 'line'), planId, tx, card, {}).lines) {
          if (2n * (exactNum(line) % POINT) === POINT) ties += 1;
          expect(BigInt(line.points)).toBe(halfUp(exactNum(line), POINT));
        }
      }),
      { numRuns: 500 },
    );
    expect(ties).toBeGreaterThan(25);
  });

  it('earns only the general rate on installments made since 2024-02-01', () => {
    fc.assert(
      fc.property(earningArb, ({ tx, card, planId }) => {
        fc.pre(tx.installments !== undefined && tx.transactionAt >= taipeiInstant('2024-02-01'));
        const earned = earnWith(CUBE_PROGRAM, planId, tx, card, {});
        expect(earned.lines.map((line) => line.kind)).toEqual(['general']);
      }),
    );
  });

  it('returns exactly the earned points over any sequence of partial refunds that adds up to the whole', () => {
    const refundsArb = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(earningArb, refundsArb, ({ tx, card, planId }, weights) => {
        fc.pre(tx.amountMinor > 0);
        const earned = earnWith(CUBE_PROGRAM, planId, tx, card, {});
        const parts = splitByWeights(tx.amountMinor, weights);
        let remaining = earned.totalPoints;
        let before = 0;
        for (const refundMinor of parts) {
          const share = {
            currency: tx.currency,
            originalAmountMinor: tx.amountMinor,
            refundMinor,
            refundedBeforeMinor: before,
          };
          const clawed = clawbackLines(earned.lines, share);
          for (const line of clawed) expect(Number.isSafeInteger(line.points) && line.points <= 0).toBe(true);
          remaining += clawed.reduce((sum, line) => sum + line.points, 0);
          before += refundMinor;
          expect(remaining).toBeGreaterThanOrEqual(0);
          // Rounded once on the running total, as the earning was.
          const taken = halfUp(BigInt(earned.totalPoints) * BigInt(before), BigInt(tx.amountMinor));
          expect(BigInt(earned.totalPoints - remaining)).toBe(taken);
        }
        expect(remaining).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a sequence of transactions past any cap', () => {
    const capped = cappedProgram();
    const limits = new Map(
      capped.plans.flatMap((p) => p.versions.flatMap((v) => v.caps.map((c) => [c.id, c.limitPoints]))),
    );
    // Two months of one card's spending up to NT$100,000 each, so the small caps are hit often.
    const spendingArb = fc.record({
      tx: transactionArb({
        firstDay: '2026-03-01',
        days: 61,
        billedMaxima: [100_000, 10_000_000],
        merchants: MERCHANTS.slice(0, 4),
        installments: false,
        ties: true,
      }),
      card: cardArb,
      planId: fc.constantFrom('digital', 'dining', 'travel', 'everyday'),
    });
    let sequencesAtACap = 0;
    fc.assert(
      fc.property(fc.array(spendingArb, { minLength: 5, maxLength: 40 }), (sequence) => {
        let used: CapUsage = {};
        for (const { tx, card, planId } of sequence) {
          const earned = earnWith(capped, planId, tx, card, used);
          for (const line of earned.lines) {
            if (line.kind === 'bonus')
              for (const cap of line.caps) expect(cap.remainingAfter).toBeGreaterThanOrEqual(0);
          }
          used = addCapUsage(used, earned.lines);
        }
        for (const [key, points] of Object.entries(used)) {
          const capId = key.slice(key.indexOf(':') + 1, key.indexOf('@'));
          expect(points).toBeLessThanOrEqual(limits.get(capId)!);
          if (points === limits.get(capId)) sequencesAtACap += 1;
        }
      }),
      { numRuns: 200 },
    );
    // Guards the property from passing vacuously: the generator must actually reach caps.
    expect(sequencesAtACap).toBeGreaterThan(50);
  });
});

/** Every plan version gets small caps of each kind so random sequences hit them often. */
function cappedProgram(): Program {
  let program: Program = CUBE_PROGRAM;
  for (const plan of CUBE_PROGRAM.plans) {
    for (const version of plan.versions) {
      const firstChannel = version.channels[0]!.id;
      program = withCaps(
        version.id,
        [
          { id: `${version.id}-month`, scope: { kind: 'plan' }, period: 'month', limitPoints: 600 },
          {
            id: `${version.id}-channel`,
            scope: { kind: 'channel', channelId: firstChannel },
            period: 'month',
            limitPoints: 150,
          },
          { id: `${version.id}-window`, scope: { kind: 'plan' }, period: 'window', limitPoints: 2000 },
        ],
        program,
      );
    }
  }
  return program;
}

/** Splits a total into positive parts proportional to weights (the last takes the remainder). */
function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  const parts = weights.map((w) => Number((BigInt(total) * BigInt(w)) / sum));
  parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts.filter((part) => part > 0);
}
