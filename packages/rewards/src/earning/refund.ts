import { type FieldIssue, ValidationError } from '@plaza/kernel';
import { decimalString, roundHalfUp } from './money.ts';
import type { BonusLine, ClawbackLine, EarningLine, GeneralLine } from './types.ts';

/**
 * How much of the original a refund returns. Amounts are in the transaction's own currency, so
 * a foreign refund takes back the same share whatever the exchange rate did meanwhile.
 */
export interface RefundShare {
  /** ISO 4217 of the amounts below: the original transaction's currency. */
  readonly currency: string;
  readonly originalAmountMinor: number;
  readonly refundMinor: number;
  /** What earlier refunds of the same transaction already returned. */
  readonly refundedBeforeMinor: number;
}

/**
 * The lines that claw back a refund's share of the points, one per earning line. Each takes
 * round(points × refunded-after) − round(points × refunded-before), both half-up on the
 * cumulative share, so partial refunds telescope: whatever the split, once the whole amount is
 * refunded exactly the earned points have come back, never one more.
 * @example NT$3,000 at 3% (9 + 81 points) refunded NT$1,000 → −3 and −27: 60 of 90 remain
 */
export function clawbackLines(original: readonly EarningLine[], refund: RefundShare): ClawbackLine[] {
  checkRefund(refund);
  const { originalAmountMinor, refundMinor, refundedBeforeMinor } = refund;
  // A zero-amount transaction earned nothing and has nothing to give back.
  if (originalAmountMinor === 0) return [];
  const den = BigInt(originalAmountMinor);
  const before = BigInt(refundedBeforeMinor);
  const after = before + BigInt(refundMinor);
  const lines: ClawbackLine[] = [];
  for (const line of original) {
    if (line.kind === 'clawback' || line.points === 0) continue;
    const earned = BigInt(line.points);
    const clawed = Number(roundHalfUp(earned * after, den) - roundHalfUp(earned * before, den));
    lines.push({
      kind: 'clawback',
      points: clawed === 0 ? 0 : -clawed, // never -0 in stored data
      of: line.kind,
      currency: refund.currency,
      originalPoints: line.points,
      originalAmountMinor,
      refundMinor,
      refundedBeforeMinor,
      exactPoints: decimalString(earned * BigInt(refundMinor), den),
      capUse: capRelease(line, clawed),
    });
  }
  return lines;
}

/** Clawed-back bonus points give their cap room back, so the cap counts net points. */
function capRelease(line: GeneralLine | BonusLine, clawed: number): ClawbackLine['capUse'] {
  if (line.kind === 'general' || clawed === 0) return [];
  return line.capUse.map((use) => ({ key: use.key, points: -clawed }));
}

function checkRefund(refund: RefundShare): void {
  const issues: FieldIssue[] = [];
  const { originalAmountMinor, refundMinor, refundedBeforeMinor } = refund;
  for (const [field, value] of Object.entries({ originalAmountMinor, refundMinor, refundedBeforeMinor })) {
    if (!Number.isSafeInteger(value) || value < 0)
      issues.push({ field: `/${field}`, message: 'must be an integer ≥ 0' });
  }
  if (issues.length > 0) throw new ValidationError('The refund is malformed.', issues, 'invalid_refund');
  if (refundedBeforeMinor + refundMinor > originalAmountMinor) {
    throw new ValidationError(
      'Refunds would exceed the original amount.',
      [{ field: '/refundMinor', message: `at most ${originalAmountMinor - refundedBeforeMinor}` }],
      'refund_exceeds_original',
    );
  }
}
