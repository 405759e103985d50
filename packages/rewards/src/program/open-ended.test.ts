import { testDatabases } from '@plaza/kernel/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { up as openSeededVersions } from './migrations/20261203T100100-rewards-program-open-ended.ts';

interface ShelfWarning {
  planId: string;
  versionId: string;
  leavesShelfAt: number;
  lastDay: string;
}

/**
 * Plans that end with nothing after them: the console's warning 30 days ahead, and the migration
 * that opens the versions Plaza seeded with a 2026-12-31 end when the bank never touched them.
 */
describe.each(testDatabases())('open-ended plans and the shelf horizon ($name)', (target) => {
  let bed: RewardsTestBed;
  // biome-ignore lint/suspicious/noExplicitAny: the test writes rows as an old database had them
  let db: Kysely<any>;
  beforeAll(async () => {
    bed = await startRewards(target, { date: '2026-12-03', time: '09:00' });
    db = bed.server.platform.database.db;
  });
  afterAll(async () => bed?.server.close());

  const catalog = async () => {
    const response = await bed.asAdmin('GET', '/api/rewards/v1/admin/catalog');
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      shelfWarnings: ShelfWarning[];
      plans: { id: string; versions: { id: string; validTo: string | null }[] }[];
    };
  };
  const validTo = async (versionId: string) =>
    (await catalog()).plans.flatMap((p) => p.versions).find((v) => v.id === versionId)?.validTo;

  it('warns of nothing while the current versions are open-ended', async () => {
    expect((await catalog()).shelfWarnings).toEqual([]);
    expect(await validTo('digital-2026h2')).toBeNull();
  });

  it('opens only the seeded versions the bank never touched, once, and logs it', async () => {
    // The database as seeded before: every 2026 H2 version ends 2026-12-31.
    await sql`update rewards_plan_versions set valid_to = '2026-12-31' where id like '%-2026h2'`.execute(db);
    // The bank corrected dining's terms (an edit moves updated_at) and withdrew travel from 2026-12-20.
    await sql`update rewards_plan_versions set updated_at = updated_at + 1 where id = 'dining-2026h2'`.execute(
      db,
    );
    await sql`update rewards_programs set revision = revision + 1`.execute(db);
    await bed.services.programs.refresh();
    const withdrawn = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/travel-2026h2/withdraw', {
      offShelfAt: '2026-12-20T00:00:00+08:00',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    // Before the migration: all four leave the shelf within 30 days with no successor.
    const before = (await catalog()).shelfWarnings;
    expect(before.map((w) => [w.planId, w.versionId, w.lastDay])).toEqual([
      ['digital', 'digital-2026h2', '2026-12-31'],
      ['dining', 'dining-2026h2', '2026-12-31'],
      ['travel', 'travel-2026h2', '2026-12-19'],
      ['everyday', 'everyday-2026h2', '2026-12-31'],
    ]);
    expect(before[0]?.leavesShelfAt).toBe(taipeiInstant('2027-01-01'));

    const revision = bed.services.programs.catalog().revision;
    await openSeededVersions(db);
    await bed.services.programs.refresh();
    expect(await validTo('digital-2026h2')).toBeNull();
    expect(await validTo('everyday-2026h2')).toBeNull();
    // The bank's decisions stand.
    expect(await validTo('dining-2026h2')).toBe('2026-12-31');
    expect(await validTo('travel-2026h2')).toBe('2026-12-31');
    expect((await catalog()).shelfWarnings.map((w) => w.planId)).toEqual(['dining', 'travel']);
    expect(bed.services.programs.catalog().revision).toBe(revision + 1);
    const logged = await sql<{ kind: string; detail: string }>`
      select kind, detail from rewards_program_changes where kind = 'migration.open_ended'`.execute(db);
    expect(logged.rows.map((r) => JSON.parse(r.detail).versions)).toEqual([
      ['digital-2026h2', 'everyday-2026h2'],
    ]);

    // Again: nothing left to open, nothing written.
    await openSeededVersions(db);
    await bed.services.programs.refresh();
    expect(bed.services.programs.catalog().revision).toBe(revision + 1);
  });

  it('stops warning once the bank schedules a successor', async () => {
    const added = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans/dining/versions', {
      id: 'dining-2027',
      names: { 'zh-TW': '樂饗購', en: 'Dining & Shopping' },
      validFrom: '2027-01-01',
      validTo: null,
      eligibility: { kind: 'everyone' },
      channels: [
        {
          id: 'dining.restaurants',
          names: { 'zh-TW': '餐廳', en: 'Restaurants' },
          rules: [{ mcc: [[5811, 5814]], region: 'domestic' }],
          rate: { kind: 'flat', bps: 300 },
        },
      ],
      caps: [],
    });
    expect(added.statusCode, added.body).toBe(201);
    const scheduled = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/dining-2027/schedule', {
      onShelfAt: '2027-01-01T00:00:00+08:00',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect((await catalog()).shelfWarnings.map((w) => w.planId)).toEqual(['travel']);
  });
});
