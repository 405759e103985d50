import type { Kysely } from 'kysely';

export interface ImportRunRow {
  file_hash: string;
  file_name: string;
  file_bytes: number;
  status: 'running' | 'done';
  offset_bytes: number;
  line_number: number;
  events: number;
  applied: number;
  duplicate: number;
  held: number;
  rejected: number;
  invalid: number;
  report_path: string | null;
  report_bytes: number;
  started_at: number;
  updated_at: number;
  finished_at: number | null;
}

export interface ImportTables {
  rewards_import_runs: ImportRunRow;
}

/** What a checkpoint records after a batch commits. */
export type Checkpoint = Pick<
  ImportRunRow,
  | 'offset_bytes'
  | 'line_number'
  | 'events'
  | 'applied'
  | 'duplicate'
  | 'held'
  | 'rejected'
  | 'invalid'
  | 'report_path'
  | 'report_bytes'
>;

/** Counts of a run that has not committed a batch yet. */
export const NO_COUNTS = { events: 0, applied: 0, duplicate: 0, held: 0, rejected: 0, invalid: 0 } as const;

/** A run at its first line: no counts, no report yet. */
function freshRun(fileName: string, nowMs: number) {
  return {
    file_name: fileName,
    status: 'running',
    offset_bytes: 0,
    line_number: 0,
    ...NO_COUNTS,
    report_path: null,
    report_bytes: 0,
    started_at: nowMs,
    updated_at: nowMs,
    finished_at: null,
  } as const;
}

/** All SQL on import checkpoints. */
export function createImportStore(db: Kysely<ImportTables>) {
  return {
    // bigint columns come back as numbers on both databases (the kernel's int8 parser).
    find: (fileHash: string): Promise<ImportRunRow | undefined> =>
      db.selectFrom('rewards_import_runs').selectAll().where('file_hash', '=', fileHash).executeTakeFirst(),
    /** Starts the record of a file's import; a concurrent start of the same file keeps the first. */
    async start(file: { hash: string; name: string; bytes: number }, nowMs: number): Promise<void> {
      await db
        .insertInto('rewards_import_runs')
        .values({ file_hash: file.hash, file_bytes: file.bytes, ...freshRun(file.name, nowMs) })
        .onConflict((oc) => oc.column('file_hash').doNothing())
        .execute();
    },
    /** Starts a finished file over (`--rescan`): back to the first line, counts at zero. */
    async restart(fileHash: string, fileName: string, nowMs: number): Promise<void> {
      await db
        .updateTable('rewards_import_runs')
        .set(freshRun(fileName, nowMs))
        .where('file_hash', '=', fileHash)
        .execute();
    },
    /** Records a committed batch. Never moves backwards: two processes on one file cannot undo each other. */
    async checkpoint(fileHash: string, checkpoint: Checkpoint, nowMs: number): Promise<void> {
      await db
        .updateTable('rewards_import_runs')
        .set({ ...checkpoint, updated_at: nowMs })
        .where('file_hash', '=', fileHash)
        .where('offset_bytes', '<=', checkpoint.offset_bytes)
        .execute();
    },
    async finish(fileHash: string, nowMs: number): Promise<void> {
      await db
        .updateTable('rewards_import_runs')
        .set({ status: 'done', finished_at: nowMs, updated_at: nowMs })
        .where('file_hash', '=', fileHash)
        .execute();
    },
  };
}

export type ImportStore = ReturnType<typeof createImportStore>;
