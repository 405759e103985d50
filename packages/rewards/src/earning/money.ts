import type { ProgramSettings, RateBps } from '../program/types.ts';

/** TWD's ISO 4217 exponent is 2: amounts arrive in 1/100 NT$. */
export const TWD_MINOR_PER_TWD = 100;
const BPS_PER_UNIT = 10_000;
const DECIMAL_DIGITS_MAX = 6;

/**
 * num/den rounded half-up to an integer, for num ≥ 0 and den > 0. BigInt, because
 * amount × rate × points can pass 2^53 for large corporate amounts.
 * @example roundHalfUp(3n, 4n) === 1n; roundHalfUp(9n, 20n) === 0n
 */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/** num/den as a decimal string, exact when it terminates within 6 digits, else cut with "…". */
export function decimalString(num: bigint, den: bigint): string {
  const whole = num / den;
  let rest = num % den;
  let digits = '';
  while (rest !== 0n && digits.length < DECIMAL_DIGITS_MAX) {
    rest *= 10n;
    digits += String(rest / den);
    rest %= den;
  }
  const cut = rest === 0n ? '' : '…';
  return digits ? `${whole}.${digits}${cut}` : String(whole);
}

/** An exact number of points, num/den, never a float. */
export interface ExactPoints {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * The exact points an amount earns at a rate. Every line of one program shares the denominator
 * (it depends only on the point value), so lines add by adding numerators.
 * @example exactPointsAt(15000, 30, { points: 1, perTwd: 1 }) → 4500/1000000 (0.45)
 */
export function exactPointsAt(
  basisTwdMinor: number,
  rateBps: RateBps,
  pointValue: ProgramSettings['pointValue'],
): ExactPoints {
  return {
    num: BigInt(basisTwdMinor) * BigInt(rateBps) * BigInt(pointValue.points),
    den: BigInt(TWD_MINOR_PER_TWD * BPS_PER_UNIT) * BigInt(pointValue.perTwd),
  };
}

/**
 * Rounds the sum of some exact values (numerators over one denominator) half-up once, and shares
 * that whole total out: each value gets its whole part, and the points the rounding adds go one
 * each to the values with the largest fractions (the earlier value on a tie). So every share is
 * its value's floor or ceiling, the shares add up to the rounded total, and a whole value — a
 * line held to a cap of whole points — gets exactly itself.
 * @example shareRounded([450000n, 4050000n], 1000000n) → { total: 5n, shares: [1n, 4n] } // 0.45 + 4.05
 */
export function shareRounded(nums: readonly bigint[], den: bigint): { total: bigint; shares: bigint[] } {
  const total = roundHalfUp(
    nums.reduce((sum, num) => sum + num, 0n),
    den,
  );
  const shares = nums.map((num) => num / den);
  let extra = total - shares.reduce((sum, share) => sum + share, 0n);
  const byFraction = nums
    .map((num, i) => ({ i, fraction: num % den }))
    .filter(({ fraction }) => fraction > 0n)
    .sort((a, b) => (a.fraction === b.fraction ? a.i - b.i : a.fraction > b.fraction ? -1 : 1));
  // extra ≤ the number of values with a fraction: their fractions add up to less than that many.
  for (const { i } of byFraction) {
    if (extra === 0n) break;
    shares[i]! += 1n;
    extra -= 1n;
  }
  return { total, shares };
}

/**
 * A whole number of points split over parts in proportion to their whole weights, so that each
 * part's share only grows as the number grows: the first part gets its proportion rounded
 * half-up, each next part its proportion of what is left, the last part the rest. Used on the
 * running total of refunds, so each refund's share per line is never negative and a full refund
 * gives every part exactly its weight.
 * @example splitByWeights(3n, [1n, 4n]) → [1n, 2n]; splitByWeights(5n, [1n, 4n]) → [1n, 4n]
 */
export function splitByWeights(points: bigint, weights: readonly bigint[]): bigint[] {
  let left = points;
  let weightLeft = weights.reduce((sum, weight) => sum + weight, 0n);
  return weights.map((weight) => {
    const share = weight === weightLeft ? left : roundHalfUp(weight * left, weightLeft);
    left -= share;
    weightLeft -= weight;
    return share;
  });
}

/**
 * Splits an installment purchase into billed installments of whole NT$, the remainder on the
 * first (how Taiwan issuers usually bill; the network's billed amount wins when it differs).
 * @example splitInstallments(600000, 3) → [200000, 200000, 200000]
 */
export function splitInstallments(totalMinor: number, count: number): number[] {
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
  const each = Math.floor(totalMinor / TWD_MINOR_PER_TWD / count) * TWD_MINOR_PER_TWD;
  return Array.from({ length: count }, (_, i) => (i === 0 ? totalMinor - each * (count - 1) : each));
}
