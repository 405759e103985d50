import { describe, expect, it } from 'vitest';
import { exactPointsAt, roundHalfUp, shareRounded, splitByWeights, splitInstallments } from './money.ts';

describe('money', () => {
  it('rounds exact halves up whatever the parity of the whole part', () => {
    // 0.5 → 1, 1.5 → 2, 2.5 → 3, 4.5 → 5: half-even would give 0, 2, 2, 4; half-down 0, 1, 2, 4.
    expect([1n, 3n, 5n, 9n].map((num) => roundHalfUp(num, 2n))).toEqual([1n, 2n, 3n, 5n]);
    expect(roundHalfUp(449_999n, 1_000_000n)).toBe(0n);
    expect(roundHalfUp(4_500_000n, 1_000_000n)).toBe(5n);
  });

  it('computes exact points for any point value, and splits installments in whole NT$', () => {
    // NT$150 at 0.3% with 2 points per NT$3: 0.45 × 2/3 = 0.3.
    expect(exactPointsAt(15_000, 30, { points: 2, perTwd: 3 })).toEqual({ num: 900_000n, den: 3_000_000n });
    expect(splitInstallments(600_050, 3)).toEqual([200_050, 200_000, 200_000]);
    expect(() => splitInstallments(600_000, 0)).toThrow(RangeError);
  });

  it('rounds a total once and gives the added point to the largest fraction', () => {
    // NT$150 at 3%: 0.45 + 4.05 = 4.5 → 5: whole parts 0 + 4, the point to .45.
    expect(shareRounded([450_000n, 4_050_000n], 1_000_000n)).toEqual({ total: 5n, shares: [1n, 4n] });
    // 9.645 + 86.805 = 96.45 → 96: whole parts 9 + 86, the point to .805.
    expect(shareRounded([9_645_000n, 86_805_000n], 1_000_000n)).toEqual({ total: 96n, shares: [9n, 87n] });
    // A whole value (a line held to its cap) never takes the rounding's point.
    expect(shareRounded([9_645_000n, 50_000_000n], 1_000_000n)).toEqual({ total: 60n, shares: [10n, 50n] });
    // Equal fractions: the earlier value first; two halves add up to a whole point, no rounding.
    expect(shareRounded([1n, 1n], 2n)).toEqual({ total: 1n, shares: [1n, 0n] });
    expect(shareRounded([3n, 3n], 4n)).toEqual({ total: 2n, shares: [1n, 1n] });
    expect(shareRounded([1n, 1n, 1n], 2n)).toEqual({ total: 2n, shares: [1n, 1n, 0n] });
  });

  it('splits whole points by weight so that each share only grows with the total', () => {
    expect(splitByWeights(2n, [1n, 4n])).toEqual([0n, 2n]);
    expect(splitByWeights(3n, [1n, 4n])).toEqual([1n, 2n]);
    expect(splitByWeights(5n, [1n, 4n])).toEqual([1n, 4n]);
    expect(splitByWeights(7n, [4n, 0n, 3n])).toEqual([4n, 0n, 3n]);
    // Parts after the last weighted one get nothing (and divide by nothing).
    expect(splitByWeights(2n, [3n, 0n])).toEqual([2n, 0n]);
    for (const weights of [
      [1n, 1n],
      [1n, 3n],
      [9n, 81n],
      [2n, 5n, 3n],
    ]) {
      const whole = weights.reduce((a, b) => a + b, 0n);
      let previous = weights.map(() => 0n);
      for (let points = 0n; points <= whole; points += 1n) {
        const shares = splitByWeights(points, weights);
        expect(shares.reduce((a, b) => a + b, 0n)).toBe(points);
        shares.forEach((share, i) => {
          expect(share >= previous[i]! && share <= weights[i]!).toBe(true);
        });
        previous = shares;
      }
    }
  });
});
