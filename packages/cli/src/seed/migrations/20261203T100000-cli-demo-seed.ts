import type { Kysely } from 'kysely';

/**
 * Where the demo seed of this database stands: one row while a seed runs ("community", then
 * "rewards") and after it finished ("done"). A row left at "community" or "rewards" by a
 * killed process tells the next start to finish the job (`seed/resume.ts`).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demo_seed')
    .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('phase', 'varchar(16)', (c) => c.notNull())
    // The moment the plan is built from: the same anchor always gives the same plan.
    .addColumn('anchor_ms', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
