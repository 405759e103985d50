import { type Clock, type IdGenerator, NotFoundError } from '@plaza/kernel';
import {
  type Catalog,
  type CatalogPlan,
  type CatalogVersion,
  findCatalogVersion,
} from '../program/catalog.ts';
import type { StoredProgramSource } from '../program/source.ts';
import type { ProgramStore } from '../program/store.ts';
import type { LocalizedText } from '../program/types.ts';
import { type Change, createCommit } from './commit.ts';
import {
  type ShelfChange,
  scheduleChange,
  unscheduleChange,
  withdrawChange,
  withdrawPlanChange,
} from './shelf.ts';
import { addVersionChange, createPlanChange, editVersionChange, type VersionTerms } from './terms.ts';

export type { VersionTerms } from './terms.ts';

export interface ProgramAdminDeps {
  store: ProgramStore;
  source: StoredProgramSource;
  clock: Clock;
  ids: IdGenerator;
}

function versionOrThrow(catalog: Catalog, versionId: string) {
  const found = findCatalogVersion(catalog, versionId);
  if (!found) throw new NotFoundError('That plan version');
  return found;
}

/** The shelf rows a shelf change writes: upserted, or deleted when the version went back to draft. */
function shelfWrites(store: ProgramStore, change: ShelfChange, nowMs: number): Change<CatalogVersion[]> {
  return {
    candidate: change.candidate,
    focus: change.focus,
    async write(trx) {
      for (const { id, schedule } of change.changed) {
        if (!schedule) await store.deleteShelf(id, trx);
        else {
          const { onShelfAt, offShelfAt } = schedule;
          await store.upsertShelf(
            { version_id: id, on_shelf_at: onShelfAt, off_shelf_at: offShelfAt, updated_at: nowMs },
            trx,
          );
        }
      }
    },
    result: change.changed,
  };
}

/**
 * The bank's changes to the program, each one checked whole and logged (see `createCommit`).
 * `actor` is the admin's account id.
 */
export function createProgramAdmin(deps: ProgramAdminDeps) {
  const { store, ids } = deps;
  const commit = createCommit(deps);
  const shelf = (
    kind: string,
    subjectId: string,
    actor: string,
    detail: unknown,
    make: (catalog: Catalog, nowMs: number) => ShelfChange,
  ) =>
    commit({
      kind,
      subjectId,
      actor,
      detail,
      make: (catalog, nowMs) => shelfWrites(store, make(catalog, nowMs), nowMs),
    });

  return {
    createPlan: (input: { id: string; names: LocalizedText }, actor: string): Promise<CatalogPlan> =>
      commit({
        kind: 'plan.create',
        subjectId: input.id,
        actor,
        detail: input,
        make: (c, now) => createPlanChange(store, input, c, now),
      }),

    addVersion(
      planId: string,
      input: VersionTerms & { id?: string | undefined },
      actor: string,
    ): Promise<CatalogVersion> {
      const { id, ...terms } = input;
      const versionId = id ?? ids.next();
      const make = (c: Catalog, now: number) => addVersionChange(store, planId, versionId, terms, c, now);
      return commit({ kind: 'version.create', subjectId: versionId, actor, detail: input, make });
    },

    editVersion: (versionId: string, terms: VersionTerms, actor: string): Promise<CatalogVersion> =>
      commit({
        kind: 'version.edit',
        subjectId: versionId,
        actor,
        detail: terms,
        make: (c, now) => editVersionChange(store, versionId, terms, c, now),
      }),

    /** Puts a version on the shelf from an instant (now when absent), optionally until another. */
    schedule: (versionId: string, input: { onShelfAt?: number; offShelfAt?: number | null }, actor: string) =>
      shelf('shelf.schedule', versionId, actor, input, (c, now) =>
        scheduleChange(versionOrThrow(c, versionId), input, c, now),
      ),

    /** Takes a scheduled version back to draft before it has been offered. */
    unschedule: (versionId: string, actor: string) =>
      shelf('shelf.unschedule', versionId, actor, {}, (c, now) =>
        unscheduleChange(versionOrThrow(c, versionId), c, now),
      ),

    /** Takes a version off the shelf from an instant (now when absent). */
    withdraw: (versionId: string, input: { offShelfAt?: number }, actor: string) =>
      shelf('shelf.withdraw', versionId, actor, input, (c, now) =>
        withdrawChange(versionOrThrow(c, versionId), input, c, now),
      ),

    /** Takes a whole plan off the shelf: versions offered then end there, later ones go back to draft. */
    withdrawPlan: (planId: string, input: { offShelfAt?: number }, actor: string) =>
      shelf('plan.withdraw', planId, actor, input, (c, now) => {
        const plan = c.plans.find((p) => p.id === planId);
        if (!plan) throw new NotFoundError('That plan');
        return withdrawPlanChange(plan, input, c, now);
      }),
  };
}

export type ProgramAdmin = ReturnType<typeof createProgramAdmin>;
