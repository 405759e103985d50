import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, createPlatform, loadConfig, type Platform, tables } from '@plaza/kernel';
import { testDatabases } from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';
import { type CalendarSource, openCalendarSource } from '../calendar/source.ts';
import { createCalendarStore, type RewardsCalendarTables } from '../calendar/store.ts';
import { CUBE_PROGRAM } from './cube-program.ts';
import { seedProgram } from './seed.ts';
import { openProgramSource, type StoredProgramSource } from './source.ts';
import { createProgramStore, type RewardsProgramTables } from './store.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-program-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** SQLite in a file here, so that a second connection (a second process) sees the same rows. */
const targets = testDatabases().map((t) =>
  t.name === 'sqlite' ? { ...t, url: `sqlite:${path.join(tmp, `${randomBytes(4).toString('hex')}.db`)}` } : t,
);

describe.each(targets)('the program source across processes ($name)', (target) => {
  let bed: RewardsTestBed;
  let other: Platform;
  let otherSource: StoredProgramSource;
  let otherCalendar: CalendarSource;

  beforeAll(async () => {
    bed = await startRewards(target);
    const { schema } = bed.server.platform.database;
    // Another process: its own connections and its own snapshot of the same database.
    other = createPlatform(loadConfig({ PLAZA_DATABASE_URL: target.url, PLAZA_LOG_LEVEL: 'silent' }), {
      logger: createLogger('silent'),
      ...(schema ? { database: { schema, poolSize: 2 } } : {}),
    });
    otherCalendar = await openCalendarSource({
      store: createCalendarStore(tables<RewardsCalendarTables>(other)),
      logger: other.logger,
      refreshIntervalMs: 0,
    });
    otherSource = await openProgramSource({
      store: createProgramStore(tables<RewardsProgramTables>(other)),
      calendar: otherCalendar,
      logger: other.logger,
      refreshIntervalMs: 0,
    });
  });
  afterAll(async () => {
    otherSource?.stop();
    await other?.close();
    await bed?.server.close();
  });

  it('loads the default program faithfully: the tables give back CUBE as written in code', () => {
    const stripped = bed.services.programs.current().plans.map((plan) => ({
      ...plan,
      versions: plan.versions.map(({ shelf: _shelf, ...terms }) => terms),
    }));
    expect(stripped).toEqual(CUBE_PROGRAM.plans);
    const { businessCalendar, ...settings } = bed.services.programs.current().settings;
    const { businessCalendar: written, ...writtenSettings } = CUBE_PROGRAM.settings;
    expect(settings).toEqual(writtenSettings);
    // The calendar comes from its own tables, seeded with the years the code ships.
    expect(
      businessCalendar.years.map(({ year, holidays, makeUpWorkdays }) => ({
        year,
        holidays,
        makeUpWorkdays,
      })),
    ).toEqual(written.years);
  });

  it('a second start on the same database loads nothing again', async () => {
    const store = createProgramStore(tables<RewardsProgramTables>(other));
    expect(await seedProgram(store, CUBE_PROGRAM, other.clock.nowMs(), other.ids)).toBe(false);
    const count = await sql<{ n: number }>`select count(*) as n from rewards_plan_versions`.execute(
      other.database.db,
    );
    expect(Number(count.rows[0]?.n)).toBe(CUBE_PROGRAM.plans.reduce((n, p) => n + p.versions.length, 0));
  });

  it('another process serves the old snapshot until its refresh, then the change', async () => {
    const created = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans', {
      id: 'cashback',
      names: { 'zh-TW': '現金回饋', en: 'Cashback' },
    });
    expect(created.statusCode, created.body).toBe(201);
    // This process rebuilt its snapshot at once; the other one has not looked yet.
    expect(bed.services.programs.current().plans.map((p) => p.id)).toContain('cashback');
    expect(otherSource.current().plans.map((p) => p.id)).not.toContain('cashback');
    expect(await otherSource.refresh()).toBe(true);
    expect(otherSource.current().plans.map((p) => p.id)).toContain('cashback');
    expect(otherSource.catalog().revision).toBe(bed.services.programs.catalog().revision);
    // Nothing moved since: no rebuild.
    const snapshot = otherSource.current();
    expect(await otherSource.refresh()).toBe(false);
    expect(otherSource.current()).toBe(snapshot);
  });

  it('a stored program that fails the check is never served: the last good snapshot stays', async () => {
    const db = other.database.db;
    const good = otherSource.current();
    // Rows edited by hand past the admin API: a channel below the general rate.
    const row = await sql<{
      channels: string;
    }>`select channels from rewards_plan_versions where id = 'travel-2026h2'`.execute(db);
    const broken = JSON.parse(row.rows[0]?.channels ?? '[]');
    broken[0].rate = { kind: 'flat', bps: 10 };
    await sql`update rewards_plan_versions set channels = ${JSON.stringify(broken)} where id = 'travel-2026h2'`.execute(
      db,
    );
    await sql`update rewards_programs set revision = revision + 1`.execute(db);
    await expect(otherSource.refresh()).rejects.toThrow(/fails its check/);
    expect(otherSource.current()).toBe(good);
    // A process starting now refuses to serve it at all.
    await expect(
      openProgramSource({
        store: createProgramStore(tables<RewardsProgramTables>(other)),
        calendar: otherCalendar,
        logger: other.logger,
        refreshIntervalMs: 0,
      }),
    ).rejects.toThrow(/channels\/0\/rate/);
  });
});
