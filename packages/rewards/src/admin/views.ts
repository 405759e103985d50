import { taipeiDate } from '../calendar/taipei-date.ts';
import {
  type Catalog,
  type CatalogPlan,
  type CatalogVersion,
  effectiveWindow,
  isLocked,
  planState,
  versionState,
} from '../program/catalog.ts';
import { shelfGapWarnings } from '../program/shelf-horizon.ts';
import type { MccSpec } from '../program/types.ts';
import type { PlanAdminView, VersionView } from './schemas.ts';

function mccView(spec: MccSpec): number | [number, number] {
  return typeof spec === 'number' ? spec : [spec[0], spec[1]];
}

/** A version as the admin console shows it: terms, shelf, state now, and whether it may still change. */
export function versionView(version: CatalogVersion, nowMs: number): VersionView {
  const { schedule } = version;
  return {
    id: version.id,
    planId: version.planId,
    names: version.names,
    validFrom: version.validFrom,
    validTo: version.validTo,
    eligibility: version.eligibility,
    channels: version.channels.map((c) => ({
      id: c.id,
      names: c.names,
      rate:
        c.rate.kind === 'flat'
          ? c.rate
          : { kind: 'by_level', bps: { '1': c.rate.bps[1], '2': c.rate.bps[2], '3': c.rate.bps[3] } },
      rules: c.rules.map((r) => ({
        ...(r.merchantIds ? { merchantIds: [...r.merchantIds] } : {}),
        ...(r.mcc ? { mcc: r.mcc.map(mccView) } : {}),
        ...(r.region ? { region: r.region } : {}),
        ...(r.presence ? { presence: r.presence } : {}),
      })),
    })),
    caps: version.caps.map((c) => ({ ...c, scope: { ...c.scope } })),
    effective: effectiveWindow(version),
    shelf: schedule ? { onShelfAt: schedule.onShelfAt, offShelfAt: schedule.offShelfAt } : null,
    state: versionState(version, nowMs),
    editable: !isLocked(version, nowMs),
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
  };
}

export function planAdminView(plan: CatalogPlan, nowMs: number): PlanAdminView {
  return {
    id: plan.id,
    names: plan.names,
    state: planState(plan, nowMs),
    createdAt: plan.createdAt,
    versions: plan.versions.map((v) => versionView(v, nowMs)),
  };
}

export function catalogView(catalog: Catalog, nowMs: number) {
  return {
    programId: catalog.programId,
    names: catalog.names,
    revision: catalog.revision,
    generalRateBps: catalog.settings.generalRateBps,
    planSelectionDate: catalog.settings.planSelectionDate,
    asOf: nowMs,
    plans: catalog.plans.map((p) => planAdminView(p, nowMs)),
    shelfWarnings: shelfGapWarnings(catalog, nowMs).map((w) => ({
      code: 'plan_leaves_shelf' as const,
      ...w,
      lastDay: taipeiDate(w.leavesShelfAt - 1),
    })),
  };
}
