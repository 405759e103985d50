import { addDays, type CalendarDate, taipeiDate, taipeiStartOfDay } from '../calendar/taipei-date.ts';
import { isOfferedAt } from './lookup.ts';
import type { LocalizedText, Plan, PlanVersion, Program, ProgramSettings } from './types.ts';

/**
 * The program as the bank manages it: every plan and version, drafts included, with the shelf
 * schedule. `programOf` turns it into the `Program` the engine and the card app read.
 */

/** When the bank offers a version: from `onShelfAt`, until `offShelfAt` (exclusive) if withdrawn. */
export interface ShelfSchedule {
  readonly onShelfAt: number;
  readonly offShelfAt: number | null;
}

/** A version with its published window (`validFrom`/`validTo`) and its place on the shelf. */
export interface CatalogVersion extends Omit<PlanVersion, 'shelf'> {
  /** null: a draft, never offered. */
  readonly schedule: ShelfSchedule | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface CatalogPlan {
  readonly id: string;
  readonly names: LocalizedText;
  readonly position: number;
  readonly createdAt: number;
  /** Ordered by window start. */
  readonly versions: readonly CatalogVersion[];
}

export interface Catalog {
  readonly programId: string;
  readonly names: LocalizedText;
  readonly settings: ProgramSettings;
  /** Moves on every admin change; other processes compare it to know when to reload. */
  readonly revision: number;
  readonly plans: readonly CatalogPlan[];
}

export type VersionState = 'draft' | 'scheduled' | 'on_shelf' | 'withdrawn' | 'ended';

export interface DateWindow {
  readonly from: CalendarDate;
  /** null: open-ended. */
  readonly to: CalendarDate | null;
}

/**
 * The Taipei dates a scheduled version judges: its published window cut to the days it is on
 * the shelf (from the date of `onShelfAt` to the date of the last instant before `offShelfAt`).
 * null for a draft, or when the cut leaves no day.
 * @example effectiveWindow({ validFrom: '2026-07-01', validTo: '2026-12-31', schedule: { onShelfAt: taipeiInstant('2026-07-01'), offShelfAt: taipeiInstant('2026-10-01') } }) → { from: '2026-07-01', to: '2026-09-30' }
 */
export function effectiveWindow(
  version: Pick<CatalogVersion, 'validFrom' | 'validTo' | 'schedule'>,
): DateWindow | null {
  const { schedule } = version;
  if (!schedule) return null;
  const from = laterDate(taipeiDate(schedule.onShelfAt), version.validFrom);
  const to =
    schedule.offShelfAt === null
      ? version.validTo
      : earlierDate(taipeiDate(schedule.offShelfAt - 1), version.validTo);
  return to === null || from <= to ? { from, to } : null;
}

// ISO dates compare as strings; Math.max would turn them into NaN.
function laterDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a.localeCompare(b) >= 0 ? a : b;
}

/** The earlier of a date and a window end (null: open-ended, later than any date). */
function earlierDate(a: CalendarDate, b: CalendarDate | null): CalendarDate {
  return b === null || a.localeCompare(b) <= 0 ? a : b;
}

/** The first instant the version is offered, or null when it never is. */
export function firstOfferedAt(
  version: Pick<CatalogVersion, 'validFrom' | 'validTo' | 'schedule'>,
): number | null {
  const window = effectiveWindow(version);
  if (!window || !version.schedule) return null;
  return Math.max(version.schedule.onShelfAt, taipeiStartOfDay(window.from));
}

/**
 * A version that has been on the shelf is the bank's published word: transactions were judged by
 * it, so it never changes (a change is a new version). Before that, it may be corrected.
 */
export function isLocked(version: CatalogVersion, nowMs: number): boolean {
  const first = firstOfferedAt(version);
  return first !== null && nowMs >= first;
}

/** The engine's view of a scheduled version; undefined when it judges no day. */
export function engineVersion(version: CatalogVersion): PlanVersion | undefined {
  const window = effectiveWindow(version);
  if (!window || !version.schedule) return undefined;
  const { schedule, createdAt: _created, updatedAt: _updated, ...terms } = version;
  return {
    ...terms,
    validFrom: window.from,
    validTo: window.to,
    shelf: { fromMs: schedule.onShelfAt, untilMs: schedule.offShelfAt },
  };
}

/** The program every reader uses: scheduled versions only, with their effective windows. */
export function programOf(catalog: Catalog): Program {
  const plans: Plan[] = catalog.plans.map((plan) => ({
    id: plan.id,
    names: plan.names,
    versions: plan.versions.flatMap((v) => engineVersion(v) ?? []),
  }));
  return { id: catalog.programId, names: catalog.names, settings: catalog.settings, plans };
}

export function versionState(version: CatalogVersion, nowMs: number): VersionState {
  if (!version.schedule) return 'draft';
  const engine = engineVersion(version);
  const first = firstOfferedAt(version);
  if (!engine || first === null) return 'withdrawn';
  if (nowMs < first) return 'scheduled';
  if (isOfferedAt(engine, nowMs)) return 'on_shelf';
  const { offShelfAt } = version.schedule;
  return offShelfAt !== null && nowMs >= offShelfAt ? 'withdrawn' : 'ended';
}

/** A plan is on the shelf when one of its versions is; else scheduled when one will be. */
export function planState(plan: CatalogPlan, nowMs: number): 'on_shelf' | 'scheduled' | 'off_shelf' {
  const states = plan.versions.map((v) => versionState(v, nowMs));
  if (states.includes('on_shelf')) return 'on_shelf';
  return states.includes('scheduled') ? 'scheduled' : 'off_shelf';
}

/** The day after a window ends, 00:00 Taipei: when a version stops judging transactions (never: Infinity). */
export function windowEndsAt(window: DateWindow): number {
  return window.to === null ? Number.POSITIVE_INFINITY : taipeiStartOfDay(addDays(window.to, 1));
}

export function findCatalogVersion(
  catalog: Catalog,
  versionId: string,
): { plan: CatalogPlan; version: CatalogVersion } | undefined {
  for (const plan of catalog.plans) {
    const version = plan.versions.find((v) => v.id === versionId);
    if (version) return { plan, version };
  }
  return undefined;
}

/** The catalog with one plan replaced (or appended), versions kept in window order. */
export function withPlan(catalog: Catalog, plan: CatalogPlan): Catalog {
  const sorted = { ...plan, versions: [...plan.versions].sort(byWindow) };
  const exists = catalog.plans.some((p) => p.id === plan.id);
  return {
    ...catalog,
    plans: exists ? catalog.plans.map((p) => (p.id === plan.id ? sorted : p)) : [...catalog.plans, sorted],
  };
}

/** The catalog with one version replaced (or added to its plan). */
export function withVersion(catalog: Catalog, version: CatalogVersion): Catalog {
  const plan = catalog.plans.find((p) => p.id === version.planId);
  if (!plan) throw new RangeError(`No plan ${version.planId}`);
  const others = plan.versions.filter((v) => v.id !== version.id);
  return withPlan(catalog, { ...plan, versions: [...others, version] });
}

function byWindow(a: CatalogVersion, b: CatalogVersion): number {
  return a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id);
}
