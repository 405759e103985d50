import type { Kysely } from 'kysely';

export interface ProgramRow {
  id: string;
  /** JSON `LocalizedText`. */
  names: string;
  /** JSON `ProgramSettings`. */
  settings: string;
  revision: number;
  updated_at: number;
}

export interface PlanRow {
  id: string;
  program_id: string;
  names: string;
  position: number;
  created_at: number;
}

export interface PlanVersionRow {
  id: string;
  plan_id: string;
  names: string;
  valid_from: string;
  valid_to: string;
  /** JSON `Eligibility`, `Channel[]`, `Cap[]`: written whole by this module, never queried inside. */
  eligibility: string;
  channels: string;
  caps: string;
  created_at: number;
  updated_at: number;
}

export interface ShelfRow {
  version_id: string;
  on_shelf_at: number;
  off_shelf_at: number | null;
  updated_at: number;
}

export interface ProgramChangeRow {
  id: string;
  program_id: string;
  revision: number;
  kind: string;
  subject_id: string;
  account_id: string | null;
  /** JSON: what the admin asked for. */
  detail: string;
  at: number;
}

export interface RewardsProgramTables {
  rewards_programs: ProgramRow;
  rewards_plans: PlanRow;
  rewards_plan_versions: PlanVersionRow;
  rewards_shelf: ShelfRow;
  rewards_program_changes: ProgramChangeRow;
}

export interface ProgramRows {
  program: ProgramRow;
  plans: PlanRow[];
  versions: PlanVersionRow[];
  shelf: ShelfRow[];
}

type Db = Kysely<RewardsProgramTables>;

/** All SQL on the program tables. One program per database: the first (and only) row. */
export function createProgramStore(root: Db) {
  return {
    transaction: <T>(fn: (trx: Db) => Promise<T>) => root.transaction().execute(fn),

    /** The program's revision, or null before the program is loaded: one small read, polled. */
    async revision(db: Db = root): Promise<number | null> {
      const row = await db.selectFrom('rewards_programs').select('revision').limit(1).executeTakeFirst();
      return row ? Number(row.revision) : null;
    },

    /** Every row of the program, or null when the tables are empty. */
    async load(db: Db = root): Promise<ProgramRows | null> {
      const program = await db.selectFrom('rewards_programs').selectAll().limit(1).executeTakeFirst();
      if (!program) return null;
      const plans = await db
        .selectFrom('rewards_plans')
        .selectAll()
        .where('program_id', '=', program.id)
        .orderBy('position')
        .execute();
      const versions = await db
        .selectFrom('rewards_plan_versions')
        .selectAll()
        .orderBy('valid_from')
        .orderBy('id')
        .execute();
      const shelf = await db.selectFrom('rewards_shelf').selectAll().execute();
      return { program, plans, versions, shelf };
    },

    /**
     * Moves the revision on; the first statement of every admin change, so on PostgreSQL the row
     * lock queues concurrent changes and each one validates against the last one's result.
     */
    async bumpRevision(programId: string, nowMs: number, db: Db): Promise<number> {
      await db
        .updateTable('rewards_programs')
        .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: nowMs }))
        .where('id', '=', programId)
        .execute();
      const row = await db
        .selectFrom('rewards_programs')
        .select('revision')
        .where('id', '=', programId)
        .executeTakeFirstOrThrow();
      return Number(row.revision);
    },

    /** False when a program row is already there (another process loaded it first). */
    async insertProgram(row: ProgramRow, db: Db): Promise<boolean> {
      const result = await db
        .insertInto('rewards_programs')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    insertPlan: (row: PlanRow, db: Db) => db.insertInto('rewards_plans').values(row).execute(),

    insertVersion: (row: PlanVersionRow, db: Db) =>
      db.insertInto('rewards_plan_versions').values(row).execute(),

    updateVersion: (row: PlanVersionRow, db: Db) =>
      db
        .updateTable('rewards_plan_versions')
        .set({
          names: row.names,
          valid_from: row.valid_from,
          valid_to: row.valid_to,
          eligibility: row.eligibility,
          channels: row.channels,
          caps: row.caps,
          updated_at: row.updated_at,
        })
        .where('id', '=', row.id)
        .execute(),

    upsertShelf: (row: ShelfRow, db: Db) =>
      db
        .insertInto('rewards_shelf')
        .values(row)
        .onConflict((oc) =>
          oc.column('version_id').doUpdateSet({
            on_shelf_at: row.on_shelf_at,
            off_shelf_at: row.off_shelf_at,
            updated_at: row.updated_at,
          }),
        )
        .execute(),

    deleteShelf: (versionId: string, db: Db) =>
      db.deleteFrom('rewards_shelf').where('version_id', '=', versionId).execute(),

    insertChange: (row: ProgramChangeRow, db: Db) =>
      db.insertInto('rewards_program_changes').values(row).execute(),

    /** The change log, newest first. */
    changes: (limit: number, db: Db = root) =>
      db.selectFrom('rewards_program_changes').selectAll().orderBy('revision', 'desc').limit(limit).execute(),
  };
}

export type ProgramStore = ReturnType<typeof createProgramStore>;
