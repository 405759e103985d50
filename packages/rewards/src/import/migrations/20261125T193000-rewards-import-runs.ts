import type { Kysely } from 'kysely';

/**
 * One row per settlement file ever imported, keyed by the SHA-256 of its content: where the
 * last committed batch ended (byte offset and line), the running counts, and the report's
 * length then. A restarted import continues from there; a finished file is recognised
 * whatever its name.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_import_runs')
    .addColumn('file_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('file_name', 'varchar(1024)', (c) => c.notNull())
    .addColumn('file_bytes', 'bigint', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('offset_bytes', 'bigint', (c) => c.notNull())
    .addColumn('line_number', 'bigint', (c) => c.notNull())
    .addColumn('events', 'bigint', (c) => c.notNull())
    .addColumn('applied', 'bigint', (c) => c.notNull())
    .addColumn('duplicate', 'bigint', (c) => c.notNull())
    .addColumn('held', 'bigint', (c) => c.notNull())
    .addColumn('rejected', 'bigint', (c) => c.notNull())
    .addColumn('invalid', 'bigint', (c) => c.notNull())
    .addColumn('report_path', 'varchar(1024)')
    .addColumn('report_bytes', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
}
