import { type Catalog, type CatalogPlan, effectiveWindow, firstOfferedAt, windowEndsAt } from './catalog.ts';

/** How far ahead the console warns the bank about a plan leaving the shelf with no successor. */
export const SHELF_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

/** A plan that leaves the shelf soon with no version after it: cardholders could not switch to it. */
export interface ShelfGapWarning {
  readonly planId: string;
  /** The version offered last before the gap. */
  readonly versionId: string;
  /** The instant the plan stops being offered (exclusive). */
  readonly leavesShelfAt: number;
}

interface Offering {
  readonly versionId: string;
  readonly fromMs: number;
  /** Exclusive; Infinity when open-ended and never withdrawn. */
  readonly untilMs: number;
}

function offerings(plan: CatalogPlan): Offering[] {
  return plan.versions.flatMap((version) => {
    const window = effectiveWindow(version);
    const fromMs = firstOfferedAt(version);
    if (!window || fromMs === null || !version.schedule) return [];
    const untilMs = Math.min(version.schedule.offShelfAt ?? Number.POSITIVE_INFINITY, windowEndsAt(window));
    return [{ versionId: version.id, fromMs, untilMs }];
  });
}

/**
 * Follows a plan's offerings from now (or from its start, when it goes on the shelf within the
 * horizon) through each successor that starts by the time the last one ends; the instant the
 * chain breaks is when the plan leaves the shelf. Open-ended versions never do.
 */
function leavesShelf(plan: CatalogPlan, nowMs: number, horizonMs: number): Offering | null {
  const all = offerings(plan);
  let current =
    all.find((o) => o.fromMs <= nowMs && nowMs < o.untilMs) ??
    all
      .filter((o) => o.fromMs > nowMs && o.fromMs <= nowMs + horizonMs)
      .sort((a, b) => a.fromMs - b.fromMs)[0];
  if (!current) return null;
  for (;;) {
    const end = current.untilMs;
    const next = all
      .filter((o) => o.fromMs <= end && o.untilMs > end)
      .sort((a, b) => b.untilMs - a.untilMs)[0];
    if (!next) return current;
    current = next;
  }
}

/**
 * The plans on (or about to be on) the shelf that leave it within `days` with no successor.
 * @example shelfGapWarnings(catalog, taipeiInstant('2026-12-03')) → [{ planId: 'digital', versionId: 'digital-2026h2', leavesShelfAt: taipeiInstant('2027-01-01') }] when that version still ended 2026-12-31
 */
export function shelfGapWarnings(
  catalog: Catalog,
  nowMs: number,
  days = SHELF_WARNING_DAYS,
): ShelfGapWarning[] {
  const horizonMs = days * DAY_MS;
  return catalog.plans.flatMap((plan) => {
    const last = leavesShelf(plan, nowMs, horizonMs);
    if (!last || last.untilMs - nowMs > horizonMs) return [];
    return [{ planId: plan.id, versionId: last.versionId, leavesShelfAt: last.untilMs }];
  });
}
