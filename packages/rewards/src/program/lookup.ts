import { type CalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import type { Plan, PlanVersion, Program } from './types.ts';

export function findPlan(program: Program, planId: string): Plan | undefined {
  return program.plans.find((plan) => plan.id === planId);
}

/** Whether a version's window (inclusive Taipei dates) covers a date. */
export function isOnShelf(version: PlanVersion, date: CalendarDate): boolean {
  return version.validFrom <= date && (version.validTo === null || date <= version.validTo);
}

/** The version of a plan on the shelf on a Taipei calendar date, if any. */
export function planVersionOn(plan: Plan, date: CalendarDate): PlanVersion | undefined {
  return plan.versions.find((v) => isOnShelf(v, date));
}

/** Whether the bank offers a version at an instant: inside its window and, when scheduled, on the shelf. */
export function isOfferedAt(version: PlanVersion, instantMs: number): boolean {
  const { shelf } = version;
  if (shelf && (instantMs < shelf.fromMs || (shelf.untilMs !== null && instantMs >= shelf.untilMs))) {
    return false;
  }
  return isOnShelf(version, taipeiDate(instantMs));
}

/**
 * The version of a plan offered at an instant (what a cardholder may switch to), judged by the
 * Taipei calendar date and the shelf schedule: a version "2026/1/1~2026/6/30" covers 2026-06-30
 * 23:59 Taipei (15:59 UTC) and not a minute later; one put on the shelf at 10:00 is offered
 * from 10:00.
 * @example planVersionAt(CUBE_PROGRAM, 'digital', taipeiInstant('2024-05-01'))?.id === 'digital-2024'
 */
export function planVersionAt(program: Program, planId: string, instantMs: number): PlanVersion | undefined {
  return findPlan(program, planId)?.versions.find((v) => isOfferedAt(v, instantMs));
}
