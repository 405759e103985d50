import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * Databases seeded before the current versions became open-ended hold them ending 2026-12-31,
 * which empties the shelf on 2027-01-01. This extends exactly the versions Plaza seeded and the
 * bank never touched, and nothing the bank decided:
 * - one of the four 2026 H2 versions of the default program, still ending 2026-12-31;
 * - never edited (`updated_at` = `created_at`), its shelf row never withdrawn, and no change in
 *   the log names it (no schedule, withdrawal or edit by the bank);
 * - no later version of its plan exists (a successor the bank prepared, drafts included, would
 *   now overlap: the bank's own plan for 2027 stands, and the console warns about the gap).
 * Those get the open end (`9999-12-31`, see `program/codec.ts`); the program's revision moves and
 * the change log gets a `migration.open_ended` row listing them, so running processes reload and
 * the bank can see what changed. A version the bank touched keeps its end.
 */
const SEEDED = ['digital-2026h2', 'dining-2026h2', 'travel-2026h2', 'everyday-2026h2'];
const OLD_END = '2026-12-31';
const OPEN_END_STORED = '9999-12-31';

interface VersionRow {
  id: string;
  plan_id: string;
  valid_from: string;
  created_at: number;
  updated_at: number;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  const program = (await db.selectFrom('rewards_programs').select(['id']).limit(1).executeTakeFirst()) as
    | { id: string }
    | undefined;
  if (!program) return; // a new database: the seed writes open-ended versions itself
  const extend: string[] = [];
  for (const id of SEEDED) {
    if (await untouched(db, id)) extend.push(id);
  }
  if (extend.length === 0) return;
  await db
    .updateTable('rewards_plan_versions')
    .set({ valid_to: OPEN_END_STORED })
    .where('id', 'in', extend)
    .execute();
  const nowMs = Date.now();
  await db
    .updateTable('rewards_programs')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: nowMs }))
    .where('id', '=', program.id)
    .execute();
  const { revision } = (await db
    .selectFrom('rewards_programs')
    .select('revision')
    .where('id', '=', program.id)
    .executeTakeFirstOrThrow()) as { revision: number };
  await db
    .insertInto('rewards_program_changes')
    .values({
      id: randomUUID(),
      program_id: program.id,
      revision: Number(revision),
      kind: 'migration.open_ended',
      subject_id: program.id,
      account_id: null,
      detail: JSON.stringify({ versions: extend, validTo: null, was: OLD_END }),
      at: nowMs,
    })
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: as above
async function untouched(db: Kysely<any>, id: string): Promise<boolean> {
  const version = (await db
    .selectFrom('rewards_plan_versions')
    .select(['id', 'plan_id', 'valid_from', 'created_at', 'updated_at'])
    .where('id', '=', id)
    .where('valid_to', '=', OLD_END)
    .executeTakeFirst()) as VersionRow | undefined;
  if (!version || Number(version.updated_at) !== Number(version.created_at)) return false;
  const shelf = (await db
    .selectFrom('rewards_shelf')
    .select('off_shelf_at')
    .where('version_id', '=', id)
    .executeTakeFirst()) as { off_shelf_at: number | null } | undefined;
  if (!shelf || shelf.off_shelf_at !== null) return false;
  const named = await db
    .selectFrom('rewards_program_changes')
    .select('id')
    .where('subject_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (named) return false;
  const later = await db
    .selectFrom('rewards_plan_versions')
    .select('id')
    .where('plan_id', '=', version.plan_id)
    .where('valid_from', '>', version.valid_from)
    .limit(1)
    .executeTakeFirst();
  return !later;
}
