import type { ValidationError } from '@plaza/kernel/errors';
import { describe, expect, it } from 'vitest';
import { CUBE_PROGRAM } from '../program/cube-program.ts';
import { addCapUsage } from './caps.ts';
import { clawbackLines } from './refund.ts';
import { cardState, earn, holding, ntd, transaction, withCaps, withSettings } from './test-helpers.ts';

const SKM = { merchant: 'shin-kong-mitsukoshi', mcc: '5311' } as const;
const share = (refund: number, before = 0, original = 3000) => ({
  currency: 'TWD',
  originalAmountMinor: ntd(original),
  refundMinor: ntd(refund),
  refundedBeforeMinor: ntd(before),
});

describe('clawbacks', () => {
  const sale = earn(CUBE_PROGRAM, holding('dining'), transaction({ on: '2024-02-15', ...SKM, ntd: 3000 }));

  it('rounds on the running share so three thirds return exactly what was earned', () => {
    // 9 × 1/3 = 3 and 81 × 1/3 = 27 each time: nothing is lost or gained to rounding.
    const thirds = [share(1000), share(1000, 1000), share(1000, 2000)].map((s) =>
      clawbackLines(sale.lines, s),
    );
    expect(thirds.map((lines) => lines.map((l) => l.points))).toEqual([
      [-3, -27],
      [-3, -27],
      [-3, -27],
    ]);
  });

  it('takes back nothing for a zero-point line and nothing for a zero refund', () => {
    const small = earn(
      CUBE_PROGRAM,
      holding('dining'),
      transaction({ on: '2026-03-10', merchant: 'x', ntd: 150 }),
    );
    expect(clawbackLines(small.lines, share(150, 0, 150))).toEqual([]);
    expect(clawbackLines(sale.lines, share(0)).map((l) => l.points)).toEqual([0, 0]);
  });

  it('rounds a transaction-rounded clawback once and shares it by the lines’ points, never negative per line', () => {
    // NT$150 at 3% earns 1 + 4 = 5; a third refunded takes back round(5/3) = 2: round(1 × 2/5) = 0
    // from the general line, 2 from the bonus (per line it would be 0 + round(4/3) = 1). Two
    // thirds: round(10/3) = 3 = 1 + 2 in all, so this step takes 1 + 0; the last third 0 + 2.
    const tx = transaction({ on: '2024-03-01', ...SKM, ntd: 150 });
    const earned = earn(CUBE_PROGRAM, holding('dining'), tx);
    expect(earned.lines.map((l) => l.points)).toEqual([1, 4]);
    const steps = [share(50, 0, 150), share(50, 50, 150), share(50, 100, 150)].map((s) =>
      clawbackLines(earned.lines, s).map((l) => l.points),
    );
    expect(steps).toEqual([
      [0, -2],
      [-1, 0],
      [0, -2],
    ]);
    const [, bonusBack] = clawbackLines(earned.lines, share(50, 0, 150));
    expect(bonusBack?.total).toEqual({ earnedPoints: 5, exactPoints: '1.666666…', points: 2 });
    const [, secondBack] = clawbackLines(earned.lines, share(50, 50, 150));
    expect(secondBack?.total).toEqual({ earnedPoints: 5, exactPoints: '1.666666…', points: 1 });
  });

  it('claws a per-line rounded earning back line by line', () => {
    const program = withSettings({ rounding: 'line' });
    const earned = earn(program, holding('dining'), transaction({ on: '2024-03-01', ...SKM, ntd: 150 }));
    expect(earned.lines.map((l) => l.points)).toEqual([0, 4]);
    const [bonusBack] = clawbackLines(earned.lines, share(50, 0, 150));
    expect(bonusBack).toMatchObject({ of: 'bonus', points: -1 });
    expect(bonusBack?.total).toBeUndefined();
    // The second third: round(4 × 2/3) − round(4 × 1/3) = 3 − 1.
    expect(clawbackLines(earned.lines, share(50, 50, 150)).map((l) => l.points)).toEqual([-2]);
  });

  it('refuses refunds beyond the original amount', () => {
    expect(() => clawbackLines(sale.lines, share(2001, 1000))).toThrow(/exceed/);
    expect(() => clawbackLines(sale.lines, { ...share(10), refundMinor: -1 })).toThrow(/malformed/);
    const refused = (refund: Parameters<typeof clawbackLines>[1]) => {
      try {
        clawbackLines(sale.lines, refund);
      } catch (error) {
        const { code, fields } = error as ValidationError;
        return { code, fields };
      }
      return null;
    };
    expect(refused(share(2001, 1000))).toEqual({
      code: 'refund_exceeds_original',
      fields: [
        { field: '/refundMinor', code: 'too_large', params: { max: 200000 }, message: 'at most 200000' },
      ],
    });
    expect(refused({ ...share(10), refundMinor: -1 })).toEqual({
      code: 'invalid_refund',
      fields: [
        { field: '/refundMinor', code: 'too_small', params: { min: 0 }, message: 'must be an integer ≥ 0' },
      ],
    });
  });

  it('gives clawed-back bonus points back to the cap they used', () => {
    const program = withCaps('dining-2026h1', [
      { id: 'm', scope: { kind: 'plan' }, period: 'month', limitPoints: 500 },
    ]);
    const capped = earn(
      program,
      holding('dining'),
      transaction({ on: '2026-03-10', ...SKM, ntd: 3000 }),
      cardState(),
    );
    const used = addCapUsage({}, capped.lines);
    expect(used).toEqual({ 'dining:m@2026-03': 81 });
    expect(addCapUsage(used, clawbackLines(capped.lines, share(3000)))).toEqual({ 'dining:m@2026-03': 0 });
    expect(clawbackLines(capped.lines, share(0)).map((l) => l.capUse)).toEqual([[], []]);
  });
});
