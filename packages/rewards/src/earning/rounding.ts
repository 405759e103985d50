import type { EarningRounding } from '../program/types.ts';
import { type CappedPoints, type CapRoom, grantWithin, tightestRoom } from './caps.ts';
import { decimalString, type ExactPoints, roundHalfUp, shareRounded } from './money.ts';
import type { BonusLine, Calculation, GeneralLine, TotalRounding } from './types.ts';

/** A line before it has whole points: its exact value, the caps that bind it, how to finish it. */
export interface LineDraft {
  readonly calc: Omit<Calculation, 'roundedPoints'>;
  readonly exact: ExactPoints;
  /** Empty for a line no cap binds (the general line). */
  readonly rooms: readonly CapRoom[];
  readonly finish: (
    calc: Calculation,
    capped: CappedPoints,
    total: TotalRounding | null,
  ) => GeneralLine | BonusLine;
}

/**
 * Whole points for a transaction's lines, by the program's rounding. Either way a cap applies to
 * the line's exact value first and is a whole number of points, so no line ever passes its cap.
 */
export function roundLines(
  drafts: readonly LineDraft[],
  rounding: EarningRounding,
): (GeneralLine | BonusLine)[] {
  return rounding === 'line' ? roundEachLine(drafts) : roundOnce(drafts);
}

/** Each line half-up on its own, then held to its caps. */
function roundEachLine(drafts: readonly LineDraft[]): (GeneralLine | BonusLine)[] {
  return drafts.map((draft) => {
    const rounded = Number(roundHalfUp(draft.exact.num, draft.exact.den));
    const room = tightestRoom(draft.rooms);
    const granted = room === null ? rounded : Math.min(rounded, room);
    return draft.finish({ ...draft.calc, roundedPoints: rounded }, grantWithin(draft.rooms, granted), null);
  });
}

/**
 * Caps on each line's exact value, then the transaction's exact total rounded half-up once and
 * shared over the lines (`shareRounded`): NT$150 at 3% is 0.45 + 4.05 = 4.5 → 5, as 1 + 4.
 * A line held to its cap is a whole number, so its share is exactly the cap's room.
 */
function roundOnce(drafts: readonly LineDraft[]): (GeneralLine | BonusLine)[] {
  const den = drafts[0]!.exact.den;
  const uncapped = drafts.map((draft) => draft.exact.num);
  const capped = drafts.map((draft) => {
    const room = tightestRoom(draft.rooms);
    const limit = room === null ? null : BigInt(room) * den;
    return limit !== null && limit < draft.exact.num ? limit : draft.exact.num;
  });
  const withoutCaps = shareRounded(uncapped, den);
  const withCaps = shareRounded(capped, den);
  const exactTotal = decimalString(
    capped.reduce((sum, num) => sum + num, 0n),
    den,
  );
  return drafts.map((draft, i) => {
    const points = Number(withCaps.shares[i]);
    // A line its cap held back shows what it would have had: the caps withheld the difference.
    const beforeCaps = capped[i]! < uncapped[i]! ? Number(withoutCaps.shares[i]) : points;
    const total = {
      lineExactPoints: decimalString(capped[i]!, den),
      exactPoints: exactTotal,
      points: Number(withCaps.total),
    };
    return draft.finish(
      { ...draft.calc, roundedPoints: beforeCaps },
      grantWithin(draft.rooms, points),
      total,
    );
  });
}
