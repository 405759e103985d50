import { type FieldIssue, ValidationError } from '@plaza/kernel/errors';
import { monthNumber, taipeiDate } from '../calendar/taipei-date.ts';
import { isOnShelf } from '../program/lookup.ts';
import type { Channel, PlanVersion, ProgramSettings } from '../program/types.ts';
import { capRooms } from './caps.ts';
import { isForeign, matchChannel, rateFor } from './channels.ts';
import { decimalString, exactPointsAt } from './money.ts';
import { type LineDraft, roundLines } from './rounding.ts';
import { selectionDate } from './selection.ts';
import type {
  BonusSkip,
  CapUsage,
  CardState,
  EarningBasis,
  EarningLine,
  EarningTransaction,
} from './types.ts';

export interface EarningInput {
  readonly transaction: EarningTransaction;
  /** The version resolved for the selection date (`resolvePlanVersion`), or undefined: no plan. */
  readonly planVersion: PlanVersion | undefined;
  readonly card: CardState;
  readonly capsUsed: CapUsage;
  readonly settings: ProgramSettings;
}

export interface Earning {
  readonly lines: readonly EarningLine[];
  readonly totalPoints: number;
  readonly basis: EarningBasis;
}

/**
 * The points a settled transaction earns, line by line. Pure: the same input always gives the
 * same lines, so a replay or a preview ("what would each plan earn?") is just another call.
 *
 * Rules: a general line at the general rate on every transaction (uncapped); a bonus line when
 * the plan has a channel for it. A channel's advertised rate is TOTAL ("3%" includes the 0.3%),
 * so the bonus line earns channel rate − general rate: NT$3,000 at 3% → 9 + 81 = 90. Caps
 * limit the bonus line's exact value; then the transaction's exact total is rounded half-up once
 * (NT$150 at 3%: 0.45 + 4.05 = 4.5 → 5), or each line on its own when the program's `rounding`
 * is 'line' (0 + 4). Foreign transactions earn on the TWD billed amount; installments (since the
 * program's date) earn general only, per billed installment.
 * @example computeEarning({ transaction, planVersion, card, capsUsed: {}, settings }).totalPoints
 */
export function computeEarning(input: EarningInput): Earning {
  const { transaction: tx, planVersion, settings } = input;
  checkTransaction(tx);
  const basis = earningBasis(tx, settings);
  // A version from another date would silently pay the wrong rates: a caller bug, so fail loudly.
  if (planVersion && !isOnShelf(planVersion, basis.selectionDate)) {
    throw new RangeError(`Plan version ${planVersion.id} is not on the shelf on ${basis.selectionDate}`);
  }
  const decision = decideBonus(input, basis);
  const drafts = [generalDraft(settings, basis, 'skip' in decision ? decision.skip : null)];
  if ('channel' in decision) drafts.push(bonusDraft(input, basis, decision.version, decision.channel));
  const lines: EarningLine[] = roundLines(drafts, settings.rounding);
  return { lines, totalPoints: lines.reduce((sum, line) => sum + line.points, 0), basis };
}

function generalDraft(settings: ProgramSettings, basis: EarningBasis, skip: BonusSkip | null): LineDraft {
  const rateBps = settings.generalRateBps;
  return {
    ...exactLine(basis, rateBps, settings),
    rooms: [],
    finish: (calc, { granted }, total) => ({
      kind: 'general',
      points: granted,
      calc,
      basis,
      bonusSkipped: skip,
      ...(total ? { total } : {}),
    }),
  };
}

/** A line's exact points at a rate, as the engine adds them and as its explanation shows them. */
function exactLine(basis: EarningBasis, rateBps: number, settings: ProgramSettings) {
  const exact = exactPointsAt(basis.billedAmountTwdMinor, rateBps, settings.pointValue);
  const calc = {
    basisTwdMinor: basis.billedAmountTwdMinor,
    rateBps,
    exactPoints: decimalString(exact.num, exact.den),
  };
  return { calc, exact };
}

function earningBasis(tx: EarningTransaction, settings: ProgramSettings): EarningBasis {
  const installment = tx.installments && tx.installments.count > 1 ? { ...tx.installments } : null;
  return {
    selectionDate: selectionDate(settings, tx),
    billedAmountTwdMinor: tx.billedAmountTwdMinor,
    foreign: isForeign(tx, settings)
      ? {
          currency: tx.currency.toUpperCase(),
          amountMinor: tx.amountMinor,
          country: tx.merchant.country.toUpperCase(),
        }
      : null,
    installment,
  };
}

type BonusDecision =
  | { readonly skip: BonusSkip }
  | { readonly version: PlanVersion; readonly channel: Channel };

// Order matters for the explanation: the first rule that withholds the bonus is the one named.
function decideBonus(input: EarningInput, basis: EarningBasis): BonusDecision {
  const { planVersion: version, transaction: tx, card, settings } = input;
  if (!version) return { skip: { code: 'no_plan' } };
  // The installment rule is about when the purchase was made, so it reads the transaction date.
  const since = settings.installmentGeneralOnlySince;
  if (basis.installment && since !== null && taipeiDate(tx.transactionAt) >= since) {
    return { skip: { code: 'installment_general_only', since } };
  }
  const eligibility = version.eligibility;
  if (eligibility.kind === 'birth_month' && card.birthMonth !== monthNumber(basis.selectionDate)) {
    return { skip: { code: 'not_birth_month', plan: version.names } };
  }
  if (eligibility.kind === 'flag') {
    const from = card.eligibleFrom[eligibility.flag];
    if (from === undefined || from > basis.selectionDate) {
      return { skip: { code: 'not_eligible', plan: version.names, flag: eligibility.flag } };
    }
  }
  const channel = matchChannel(version.channels, tx, card, settings);
  return channel ? { version, channel } : { skip: { code: 'no_channel', plan: version.names } };
}

function bonusDraft(
  input: EarningInput,
  basis: EarningBasis,
  version: PlanVersion,
  channel: Channel,
): LineDraft {
  const { settings, card, capsUsed } = input;
  const rate = rateFor(channel.rate, card);
  // Checked program data never has a channel below the general rate; clamp anyway so a bad
  // version can only fail to pay a bonus, never take points away.
  const bonusBps = Math.max(0, rate.bps - settings.generalRateBps);
  return {
    ...exactLine(basis, bonusBps, settings),
    rooms: capRooms(version, channel, basis.selectionDate, capsUsed),
    finish: (calc, capped, total) => ({
      kind: 'bonus',
      points: capped.granted,
      calc,
      basis,
      plan: { id: version.planId, versionId: version.id, names: version.names },
      channel: { id: channel.id, names: channel.names },
      channelRateBps: rate.bps,
      generalRateBps: settings.generalRateBps,
      level: rate.level,
      caps: capped.caps,
      cappedPoints: calc.roundedPoints - capped.granted,
      capUse: capped.capUse,
      ...(total ? { total } : {}),
    }),
  };
}

function checkTransaction(tx: EarningTransaction): void {
  const issues: FieldIssue[] = [];
  const whole = (value: number, field: string) => {
    if (!Number.isSafeInteger(value) || value < 0)
      issues.push({ field, code: 'too_small', params: { min: 0 }, message: 'must be an integer ≥ 0' });
  };
  whole(tx.amountMinor, '/amountMinor');
  whole(tx.billedAmountTwdMinor, '/billedAmountTwdMinor');
  if (!Number.isFinite(tx.transactionAt))
    issues.push({ field: '/transactionAt', code: 'not_date_time', message: 'must be epoch ms' });
  if (!Number.isFinite(tx.settledAt))
    issues.push({ field: '/settledAt', code: 'not_date_time', message: 'must be epoch ms' });
  const parts = tx.installments;
  if (parts && !(Number.isSafeInteger(parts.count) && parts.index >= 1 && parts.index <= parts.count)) {
    issues.push({ field: '/installments', code: 'invalid', message: 'needs 1 ≤ index ≤ count' });
  }
  if (issues.length > 0)
    throw new ValidationError('The transaction cannot earn points as given.', issues, 'invalid_transaction');
}
