import { ConflictError, NotFoundError } from '@plaza/kernel';
import {
  type Catalog,
  type CatalogPlan,
  type CatalogVersion,
  effectiveWindow,
  findCatalogVersion,
  isLocked,
  withPlan,
  withVersion,
} from '../program/catalog.ts';
import { planRow, versionRow } from '../program/codec.ts';
import type { ProgramStore } from '../program/store.ts';
import type { Cap, Channel, Eligibility, LocalizedText } from '../program/types.ts';
import type { Change } from './commit.ts';
import { shelfWindowError, VersionImmutableError } from './errors.ts';
import { assertVersionPasses } from './validate.ts';

/** A version's published terms, as the bank writes them. */
export interface VersionTerms {
  readonly names: LocalizedText;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly eligibility: Eligibility;
  readonly channels: readonly Channel[];
  readonly caps: readonly Cap[];
}

/** Plans and their versions' terms: what each change decides, from the catalog as stored. */

export function createPlanChange(
  store: ProgramStore,
  input: { id: string; names: LocalizedText },
  catalog: Catalog,
  nowMs: number,
): Change<CatalogPlan> {
  if (catalog.plans.some((p) => p.id === input.id)) {
    throw new ConflictError(`A plan "${input.id}" exists already.`, 'plan_exists', [
      { field: '/id', code: 'taken', message: 'is taken' },
    ]);
  }
  const position = Math.max(-1, ...catalog.plans.map((p) => p.position)) + 1;
  const plan: CatalogPlan = { ...input, position, createdAt: nowMs, versions: [] };
  return {
    candidate: withPlan(catalog, plan),
    focus: null,
    write: (trx) => store.insertPlan(planRow(plan, catalog.programId), trx),
    result: plan,
  };
}

/** A new version is a draft: checked alone now, against the plan's others when scheduled. */
export function addVersionChange(
  store: ProgramStore,
  planId: string,
  versionId: string,
  terms: VersionTerms,
  catalog: Catalog,
  nowMs: number,
): Change<CatalogVersion> {
  if (!catalog.plans.some((p) => p.id === planId)) throw new NotFoundError('That plan');
  if (findCatalogVersion(catalog, versionId)) {
    throw new ConflictError(`A version "${versionId}" exists already.`, 'version_exists', [
      { field: '/id', code: 'taken', message: 'is taken' },
    ]);
  }
  const version: CatalogVersion = {
    ...terms,
    id: versionId,
    planId,
    schedule: null,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
  assertVersionPasses(catalog, version);
  return {
    candidate: withVersion(catalog, version),
    focus: { versionId, windowField: '/validFrom' },
    write: (trx) => store.insertVersion(versionRow(version), trx),
    result: version,
  };
}

/** Corrects a version that has not been offered yet (a draft, or scheduled for later). */
export function editVersionChange(
  store: ProgramStore,
  versionId: string,
  terms: VersionTerms,
  catalog: Catalog,
  nowMs: number,
): Change<CatalogVersion> {
  const found = findCatalogVersion(catalog, versionId);
  if (!found) throw new NotFoundError('That plan version');
  if (isLocked(found.version, nowMs)) throw new VersionImmutableError(versionId);
  const edited: CatalogVersion = { ...found.version, ...terms, updatedAt: nowMs };
  assertVersionPasses(catalog, edited);
  if (edited.schedule && !effectiveWindow(edited)) {
    throw shelfWindowError('/validTo', 'is before the version goes on the shelf', 'window_ended');
  }
  return {
    candidate: withVersion(catalog, edited),
    focus: { versionId, windowField: '/validFrom' },
    write: (trx) => store.updateVersion(versionRow(edited), trx),
    result: edited,
  };
}
