import { type CalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import { findPlan, planVersionOn } from '../program/lookup.ts';
import type { PlanVersion, Program, ProgramSettings } from '../program/types.ts';
import type { EarningTransaction } from './types.ts';

/** One entry of a card's plan history: the plan applies from 00:00 Taipei of `effectiveFrom`. */
export interface PlanSelection {
  readonly planId: string;
  readonly effectiveFrom: CalendarDate;
}

/** The Taipei date that picks a transaction's plan and version, per the program setting. */
export function selectionDate(
  settings: ProgramSettings,
  tx: Pick<EarningTransaction, 'transactionAt' | 'settledAt'>,
): CalendarDate {
  return taipeiDate(settings.planSelectionDate === 'transaction' ? tx.transactionAt : tx.settledAt);
}

/**
 * The plan selected on a date: the latest selection effective on or before it. A switch counts
 * from 00:00 of its day, so the whole day's spending uses it (§1.2).
 * @example planIdOn([{ planId: 'dining', effectiveFrom: '2026-03-01' }, { planId: 'digital', effectiveFrom: '2026-03-15' }], '2026-03-14') === 'dining'
 */
export function planIdOn(history: readonly PlanSelection[], date: CalendarDate): string | undefined {
  let chosen: PlanSelection | undefined;
  for (const selection of history) {
    if (selection.effectiveFrom <= date && (!chosen || selection.effectiveFrom >= chosen.effectiveFrom)) {
      chosen = selection;
    }
  }
  return chosen?.planId;
}

/**
 * The plan version a transaction earns by: the plan selected on the selection date, in the
 * version on the shelf that same date. The version follows the same date as the plan so that a
 * settlement-date issuer never pairs a plan with a version from another day. A supplementary
 * card passes its primary's history (§1.2: 附卡適用方案依正卡持卡人設定為準).
 */
export function resolvePlanVersion(
  program: Program,
  history: readonly PlanSelection[],
  tx: Pick<EarningTransaction, 'transactionAt' | 'settledAt'>,
): PlanVersion | undefined {
  const date = selectionDate(program.settings, tx);
  const planId = planIdOn(history, date);
  const plan = planId === undefined ? undefined : findPlan(program, planId);
  return plan && planVersionOn(plan, date);
}
