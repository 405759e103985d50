import { ConflictError } from '@plaza/kernel';
import {
  type Catalog,
  type CatalogPlan,
  type CatalogVersion,
  effectiveWindow,
  firstOfferedAt,
  isLocked,
  windowEndsAt,
  withVersion,
} from '../program/catalog.ts';
import {
  AlreadyWithdrawnError,
  NotScheduledError,
  ShelfTimeInPastError,
  shelfWindowError,
  VersionImmutableError,
} from './errors.ts';
import type { Focus } from './validate.ts';

/**
 * The shelf rules, as pure functions from the catalog to the catalog after the change. The past
 * is fixed: a version that has been offered keeps its start, a withdrawal that took effect
 * stays, and no change takes effect before now.
 */
export interface ShelfChange {
  readonly candidate: Catalog;
  readonly focus: Focus | null;
  /** The versions whose schedule changed (schedule null: taken off the schedule). */
  readonly changed: CatalogVersion[];
}

interface Found {
  readonly version: CatalogVersion;
}

function notBefore(nowMs: number, instant: number, field: string): void {
  if (instant < nowMs) throw new ShelfTimeInPastError(field);
}

export function scheduleChange(
  { version }: Found,
  input: { onShelfAt?: number; offShelfAt?: number | null },
  catalog: Catalog,
  nowMs: number,
): ShelfChange {
  if (isLocked(version, nowMs)) throw new VersionImmutableError(version.id);
  const onShelfAt = input.onShelfAt ?? nowMs;
  notBefore(nowMs, onShelfAt, '/onShelfAt');
  const offShelfAt = input.offShelfAt ?? null;
  if (offShelfAt !== null && offShelfAt <= onShelfAt) {
    throw shelfWindowError('/offShelfAt', 'must be after onShelfAt', 'shelf_window_invalid');
  }
  const scheduled: CatalogVersion = { ...version, schedule: { onShelfAt, offShelfAt } };
  if (!effectiveWindow(scheduled)) {
    throw shelfWindowError(
      '/onShelfAt',
      `the version's window (${version.validFrom} to ${version.validTo}) ends before this`,
      'window_ended',
    );
  }
  return {
    candidate: withVersion(catalog, scheduled),
    focus: { versionId: version.id, windowField: '/onShelfAt' },
    changed: [scheduled],
  };
}

export function unscheduleChange({ version }: Found, catalog: Catalog, nowMs: number): ShelfChange {
  if (!version.schedule) throw new NotScheduledError(version.id);
  if (isLocked(version, nowMs)) throw new VersionImmutableError(version.id);
  const draft: CatalogVersion = { ...version, schedule: null };
  return { candidate: withVersion(catalog, draft), focus: null, changed: [draft] };
}

export function withdrawChange(
  { version }: Found,
  input: { offShelfAt?: number },
  catalog: Catalog,
  nowMs: number,
): ShelfChange {
  const { schedule } = version;
  if (!schedule) throw new NotScheduledError(version.id);
  if (schedule.offShelfAt !== null && schedule.offShelfAt <= nowMs)
    throw new AlreadyWithdrawnError(version.id);
  const offShelfAt = input.offShelfAt ?? nowMs;
  notBefore(nowMs, offShelfAt, '/offShelfAt');
  const first = firstOfferedAt(version);
  if (first === null || offShelfAt <= first) {
    throw shelfWindowError(
      '/offShelfAt',
      'the version is not offered before this instant; unschedule it instead',
      'withdraw_before_shelf',
    );
  }
  const withdrawn: CatalogVersion = { ...version, schedule: { ...schedule, offShelfAt } };
  return {
    candidate: withVersion(catalog, withdrawn),
    focus: { versionId: version.id, windowField: '/offShelfAt' },
    changed: [withdrawn],
  };
}

/** Every version still to be offered at `offShelfAt` ends there; those not started by then are unscheduled. */
export function withdrawPlanChange(
  plan: CatalogPlan,
  input: { offShelfAt?: number },
  catalog: Catalog,
  nowMs: number,
): ShelfChange {
  const offShelfAt = input.offShelfAt ?? nowMs;
  notBefore(nowMs, offShelfAt, '/offShelfAt');
  const changed: CatalogVersion[] = [];
  for (const version of plan.versions) {
    const { schedule } = version;
    const window = effectiveWindow(version);
    const first = firstOfferedAt(version);
    if (!schedule || !window || first === null) continue;
    if (schedule.offShelfAt !== null && schedule.offShelfAt <= offShelfAt) continue;
    if (windowEndsAt(window) <= offShelfAt) continue;
    changed.push(
      offShelfAt <= first
        ? { ...version, schedule: null }
        : { ...version, schedule: { ...schedule, offShelfAt } },
    );
  }
  if (changed.length === 0) {
    throw new ConflictError(
      `The plan "${plan.id}" has no version on the shelf then or later.`,
      'plan_not_on_shelf',
    );
  }
  return {
    candidate: changed.reduce(withVersion, catalog),
    focus: null,
    changed,
  };
}
