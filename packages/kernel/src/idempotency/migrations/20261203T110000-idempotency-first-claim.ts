import type { Kysely } from 'kysely';

// A claim taken over after its process died keeps the moment of the first claim, so ids the
// request derives from its key (ids.ts `derivedId`) come out the same on every retry.
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('first_claimed_at', 'bigint').execute();
}
