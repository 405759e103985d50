import type { BusinessCalendar } from '../calendar/business-days.ts';
import type { Catalog, CatalogPlan, CatalogVersion } from './catalog.ts';
import type { PlanRow, PlanVersionRow, ProgramRows, ShelfRow } from './store.ts';
import type { Cap, Channel, Eligibility, LocalizedText, ProgramSettings } from './types.ts';

/**
 * Rows ↔ catalog. The JSON columns are written only by `versionRow` from values that passed the
 * request schema and `checkProgram`, so reading them back trusts their shape; the source checks
 * every program it builds again before serving it.
 */

function parse<T>(json: string): T {
  return JSON.parse(json) as T;
}

/**
 * How an open-ended window (`validTo` null) is stored: `valid_to` has been NOT NULL since the
 * first program migration, and the last date there is sorts after every real one, so SQL that
 * compares windows stays right. Only this file knows it.
 */
export const OPEN_END_STORED = '9999-12-31';

/** The settings as stored: the calendar lives in its own tables (`calendar/`). */
export type StoredSettings = Omit<ProgramSettings, 'businessCalendar'>;

export function settingsJson(settings: ProgramSettings): string {
  const { businessCalendar: _calendar, ...stored } = settings;
  return JSON.stringify(stored);
}

/**
 * The stored settings with the calendar the process serves; rows stored before `rounding`
 * was a setting read as the default, transaction rounding.
 */
function settingsOf(json: string, calendar: BusinessCalendar): ProgramSettings {
  const stored = parse<Omit<StoredSettings, 'rounding'> & Partial<Pick<StoredSettings, 'rounding'>>>(json);
  return { ...stored, rounding: stored.rounding ?? 'transaction', businessCalendar: calendar };
}

/** The catalog of the stored rows, with the business calendar the process serves. */
export function catalogOf(rows: ProgramRows, calendar: BusinessCalendar): Catalog {
  const shelf = new Map(rows.shelf.map((row) => [row.version_id, row]));
  const byPlan = new Map<string, CatalogVersion[]>();
  for (const row of rows.versions) {
    const list = byPlan.get(row.plan_id) ?? [];
    list.push(versionOf(row, shelf.get(row.id)));
    byPlan.set(row.plan_id, list);
  }
  const plans: CatalogPlan[] = rows.plans.map((row) => ({
    id: row.id,
    names: parse<LocalizedText>(row.names),
    position: Number(row.position),
    createdAt: Number(row.created_at),
    versions: byPlan.get(row.id) ?? [],
  }));
  return {
    programId: rows.program.id,
    names: parse<LocalizedText>(rows.program.names),
    settings: settingsOf(rows.program.settings, calendar),
    revision: Number(rows.program.revision),
    plans,
  };
}

function versionOf(row: PlanVersionRow, shelf: ShelfRow | undefined): CatalogVersion {
  return {
    id: row.id,
    planId: row.plan_id,
    names: parse<LocalizedText>(row.names),
    validFrom: row.valid_from,
    validTo: row.valid_to === OPEN_END_STORED ? null : row.valid_to,
    eligibility: parse<Eligibility>(row.eligibility),
    channels: parse<Channel[]>(row.channels),
    caps: parse<Cap[]>(row.caps),
    schedule: shelf
      ? {
          onShelfAt: Number(shelf.on_shelf_at),
          offShelfAt: shelf.off_shelf_at === null ? null : Number(shelf.off_shelf_at),
        }
      : null,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function planRow(plan: CatalogPlan, programId: string): PlanRow {
  return {
    id: plan.id,
    program_id: programId,
    names: JSON.stringify(plan.names),
    position: plan.position,
    created_at: plan.createdAt,
  };
}

export function versionRow(version: CatalogVersion): PlanVersionRow {
  return {
    id: version.id,
    plan_id: version.planId,
    names: JSON.stringify(version.names),
    valid_from: version.validFrom,
    valid_to: version.validTo ?? OPEN_END_STORED,
    eligibility: JSON.stringify(version.eligibility),
    channels: JSON.stringify(version.channels),
    caps: JSON.stringify(version.caps),
    created_at: version.createdAt,
    updated_at: version.updatedAt,
  };
}

/** The shelf row of a scheduled version, or null for a draft. */
export function shelfRow(version: CatalogVersion, nowMs: number): ShelfRow | null {
  const { schedule } = version;
  if (!schedule) return null;
  return {
    version_id: version.id,
    on_shelf_at: schedule.onShelfAt,
    off_shelf_at: schedule.offShelfAt,
    updated_at: nowMs,
  };
}
