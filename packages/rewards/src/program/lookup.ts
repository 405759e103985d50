import { type CalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import type { Plan, PlanVersion, Program } from './types.ts';

export function findPlan(program: Program, planId: string): Plan | undefined {
  return program.plans.find((plan) => plan.id === planId);
}

/** Whether a version's window (inclusive Taipei dates) covers a date. */
export function isOnShelf(version: PlanVersion, date: CalendarDate): boolean {
  return version.validFrom <= date && date <= version.validTo;
}

/** The version of a plan on the shelf on a Taipei calendar date, if any. */
export function planVersionOn(plan: Plan, date: CalendarDate): PlanVersion | undefined {
  return plan.versions.find((v) => isOnShelf(v, date));
}

/**
 * The version of a plan valid at an instant, judged by the Taipei calendar date: a version
 * "2026/1/1~2026/6/30" covers 2026-06-30 23:59 Taipei (15:59 UTC) and not a minute later.
 * @example planVersionAt(CUBE_PROGRAM, 'digital', taipeiInstant('2024-05-01'))?.id === 'digital-2024'
 */
export function planVersionAt(program: Program, planId: string, instantMs: number): PlanVersion | undefined {
  const plan = findPlan(program, planId);
  return plan && planVersionOn(plan, taipeiDate(instantMs));
}
