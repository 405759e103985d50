import type { Kysely } from 'kysely';

/**
 * The program as the bank manages it. A plan's versions hold their published terms as JSON
 * (channels, caps, eligibility: read and written whole, never queried inside); the shelf
 * schedule says when each version is offered; every admin change bumps the program's revision
 * (other processes poll it to refresh their snapshot) and leaves a row in the change log.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_programs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rewards_plans')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('program_id', 'varchar(64)', (c) => c.notNull().references('rewards_programs.id'))
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rewards_plan_versions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('plan_id', 'varchar(64)', (c) => c.notNull().references('rewards_plans.id'))
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('caps', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_plan_versions_plan')
    .on('rewards_plan_versions')
    .columns(['plan_id', 'valid_from'])
    .execute();
  await db.schema
    .createTable('rewards_shelf')
    .addColumn('version_id', 'varchar(64)', (c) => c.primaryKey().references('rewards_plan_versions.id'))
    .addColumn('on_shelf_at', 'bigint', (c) => c.notNull())
    .addColumn('off_shelf_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rewards_program_changes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('program_id', 'varchar(64)', (c) => c.notNull().references('rewards_programs.id'))
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(64)', (c) => c.notNull())
    // No foreign key: the log outlives the admin's account.
    .addColumn('account_id', 'varchar(36)')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
}
