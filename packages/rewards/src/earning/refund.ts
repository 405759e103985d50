import { type FieldIssue, ValidationError } from '@plaza/kernel/errors';
import { decimalString, roundHalfUp, splitByWeights } from './money.ts';
import type { BonusLine, ClawbackLine, ClawbackTotal, EarningLine, GeneralLine } from './types.ts';

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
 * The lines that claw back a refund's share of the points, one per earning line with points.
 * Rounding follows the earning's: always on the cumulative share (everything refunded so far),
 * and this refund takes the difference, so partial refunds telescope — whatever the split, once
 * the whole amount is refunded exactly the earned points have come back, never one more.
 * - Rounded once per transaction (lines carry `total`): the transaction's earned points × share,
 *   half-up once, then split over the lines in proportion to their points (`splitByWeights`).
 * - Rounded per line: each line's points × share, half-up on its own.
 * @example NT$3,000 at 3% (9 + 81 points) refunded NT$1,000 → −3 and −27: 60 of 90 remain
 */
export function clawbackLines(original: readonly EarningLine[], refund: RefundShare): ClawbackLine[] {
  checkRefund(refund);
  const { originalAmountMinor, refundMinor, refundedBeforeMinor } = refund;
  // A zero-amount transaction earned nothing and has nothing to give back.
  if (originalAmountMinor === 0) return [];
  const earned = original.filter(
    (line): line is GeneralLine | BonusLine => line.kind !== 'clawback' && line.points > 0,
  );
  const share: Share = {
    den: BigInt(originalAmountMinor),
    before: BigInt(refundedBeforeMinor),
    after: BigInt(refundedBeforeMinor) + BigInt(refundMinor),
  };
  const once = earned.some((line) => line.total !== undefined);
  const clawed = once ? clawedOnce(earned, share) : clawedPerLine(earned, share);
  const total = once ? transactionClawback(earned, share, refund) : null;
  return earned.map((line, i) => {
    const points = clawed[i]!;
    return {
      kind: 'clawback',
      points: points === 0 ? 0 : -points, // never -0 in stored data
      of: line.kind,
      currency: refund.currency,
      originalPoints: line.points,
      originalAmountMinor,
      refundMinor,
      refundedBeforeMinor,
      exactPoints: decimalString(BigInt(line.points) * BigInt(refundMinor), share.den),
      capUse: capRelease(line, points),
      ...(total ? { total } : {}),
    };
  });
}

/** The refunded share of the original amount, before and after this refund, over `den`. */
interface Share {
  readonly den: bigint;
  readonly before: bigint;
  readonly after: bigint;
}

function clawedPerLine(lines: readonly (GeneralLine | BonusLine)[], share: Share): number[] {
  return lines.map((line) => {
    const points = BigInt(line.points);
    return Number(
      roundHalfUp(points * share.after, share.den) - roundHalfUp(points * share.before, share.den),
    );
  });
}

/** The transaction's running clawback, rounded once, split over the lines; this refund takes the step. */
function clawedOnce(lines: readonly (GeneralLine | BonusLine)[], share: Share): number[] {
  const weights = lines.map((line) => BigInt(line.points));
  const earned = weights.reduce((sum, weight) => sum + weight, 0n);
  const upTo = (refunded: bigint) => splitByWeights(roundHalfUp(earned * refunded, share.den), weights);
  const after = upTo(share.after);
  const before = upTo(share.before);
  return after.map((points, i) => Number(points - before[i]!));
}

function transactionClawback(
  lines: readonly (GeneralLine | BonusLine)[],
  share: Share,
  refund: RefundShare,
): ClawbackTotal {
  const earned = BigInt(lines.reduce((sum, line) => sum + line.points, 0));
  const step = roundHalfUp(earned * share.after, share.den) - roundHalfUp(earned * share.before, share.den);
  return {
    earnedPoints: Number(earned),
    exactPoints: decimalString(earned * BigInt(refund.refundMinor), share.den),
    points: Number(step),
  };
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
      issues.push({
        field: `/${field}`,
        code: 'too_small',
        params: { min: 0 },
        message: 'must be an integer ≥ 0',
      });
  }
  if (issues.length > 0) throw new ValidationError('The refund is malformed.', issues, 'invalid_refund');
  if (refundedBeforeMinor + refundMinor > originalAmountMinor) {
    throw new ValidationError(
      'Refunds would exceed the original amount.',
      [
        {
          field: '/refundMinor',
          code: 'too_large',
          params: { max: originalAmountMinor - refundedBeforeMinor },
          message: `at most ${originalAmountMinor - refundedBeforeMinor}`,
        },
      ],
      'refund_exceeds_original',
    );
  }
}
