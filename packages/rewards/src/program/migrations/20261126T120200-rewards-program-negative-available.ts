import type { Kysely } from 'kysely';

/**
 * `allowNegativeAvailable` became a program setting (the ledger read it as an optional extra
 * before, absent meaning false). Programs stored before then get it spelled out as false, so
 * `checkProgram`, which now requires it, accepts them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  const programs = await db.selectFrom('rewards_programs').select(['id', 'settings']).execute();
  for (const program of programs as { id: string; settings: string }[]) {
    const settings = JSON.parse(program.settings) as Record<string, unknown>;
    if (typeof settings.allowNegativeAvailable === 'boolean') continue;
    await db
      .updateTable('rewards_programs')
      .set({ settings: JSON.stringify({ ...settings, allowNegativeAvailable: false }) })
      .where('id', '=', program.id)
      .execute();
  }
}
