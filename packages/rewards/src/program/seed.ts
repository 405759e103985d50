import type { IdGenerator } from '@plaza/kernel';
import { taipeiStartOfDay } from '../calendar/taipei-date.ts';
import type { CatalogPlan, CatalogVersion } from './catalog.ts';
import { checkProgram } from './check.ts';
import { planRow, settingsJson, shelfRow, versionRow } from './codec.ts';
import type { ProgramStore } from './store.ts';
import type { Program } from './types.ts';

/**
 * Loads a program written as code (CUBE as published, with its 2024 history) into empty tables,
 * every version on the shelf from 00:00 Taipei of its window's first day. Safe when several
 * processes start at once: the program row's key lets one of them in, the others load nothing.
 * @returns true when this call loaded it.
 */
export async function seedProgram(
  store: ProgramStore,
  program: Program,
  nowMs: number,
  ids: IdGenerator,
): Promise<boolean> {
  const issues = checkProgram(program);
  if (issues.length > 0) {
    throw new Error(
      `The default program fails its check: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
    );
  }
  return store.transaction(async (trx) => {
    const inserted = await store.insertProgram(
      {
        id: program.id,
        names: JSON.stringify(program.names),
        settings: settingsJson(program.settings),
        revision: 1,
        updated_at: nowMs,
      },
      trx,
    );
    if (!inserted) return false;
    for (const [position, plan] of program.plans.entries()) {
      const versions = plan.versions.map((v): CatalogVersion => {
        const { shelf, ...terms } = v;
        return {
          ...terms,
          schedule: shelf
            ? { onShelfAt: shelf.fromMs, offShelfAt: shelf.untilMs }
            : { onShelfAt: taipeiStartOfDay(v.validFrom), offShelfAt: null },
          createdAt: nowMs,
          updatedAt: nowMs,
        };
      });
      const catalogPlan: CatalogPlan = {
        id: plan.id,
        names: plan.names,
        position,
        createdAt: nowMs,
        versions,
      };
      await store.insertPlan(planRow(catalogPlan, program.id), trx);
      for (const version of versions) {
        await store.insertVersion(versionRow(version), trx);
        const shelf = shelfRow(version, nowMs);
        if (shelf) await store.upsertShelf(shelf, trx);
      }
    }
    await store.insertChange(
      {
        id: ids.next(),
        program_id: program.id,
        revision: 1,
        kind: 'seed',
        subject_id: program.id,
        account_id: null,
        detail: JSON.stringify({ plans: program.plans.map((p) => p.id) }),
        at: nowMs,
      },
      trx,
    );
    return true;
  });
}
