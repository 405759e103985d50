import type { ProgramSettings, RateBps } from '../program/types.ts';
import type { Calculation } from './types.ts';

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

/**
 * Points for an amount at a rate, rounded half-up to a whole point: below half a point earns 0.
 * @example pointsAt(25000, 30, settings).roundedPoints === 1 // NT$250 × 0.3% = 0.75
 */
export function pointsAt(
  basisTwdMinor: number,
  rateBps: RateBps,
  pointValue: ProgramSettings['pointValue'],
): Calculation {
  const num = BigInt(basisTwdMinor) * BigInt(rateBps) * BigInt(pointValue.points);
  const den = BigInt(TWD_MINOR_PER_TWD * BPS_PER_UNIT) * BigInt(pointValue.perTwd);
  return {
    basisTwdMinor,
    rateBps,
    exactPoints: decimalString(num, den),
    roundedPoints: Number(roundHalfUp(num, den)),
  };
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
