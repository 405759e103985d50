import type { Kysely } from 'kysely';
import { TW_CALENDAR_YEARS } from '../../program/tw-business-calendar.ts';

/**
 * The business-day calendar moves out of the program's settings JSON into tables the bank edits
 * a year at a time: one row per year it covers, one per named day. The state row's revision
 * moves on every edit; each process polls it to reload its in-memory calendar.
 *
 * Seeded with Taiwan's 2026 and 2027 (the years this migration was written for; later years
 * the bank adds in the console). The settings JSON's old `businessCalendar` (2026 only, the
 * code's constant: no API ever edited it) is dropped, so nothing reads two calendars.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rewards_calendar_state')
    .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rewards_calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    // No foreign key: the calendar outlives the admin's account. Null: shipped with Plaza.
    .addColumn('updated_by', 'varchar(36)')
    .execute();
  await db.schema
    .createTable('rewards_calendar_days')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('rewards_calendar_years.year'))
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rewards_calendar_days_year')
    .on('rewards_calendar_days')
    .column('year')
    .execute();

  const nowMs = Date.now();
  await db.insertInto('rewards_calendar_state').values({ id: 'calendar', revision: 1 }).execute();
  for (const year of TW_CALENDAR_YEARS.filter((y) => y.year <= 2027)) {
    await db
      .insertInto('rewards_calendar_years')
      .values({ year: year.year, updated_at: nowMs, updated_by: null })
      .execute();
    const days = [
      ...year.holidays.map((d) => ({ ...d, kind: 'holiday' })),
      ...year.makeUpWorkdays.map((d) => ({ ...d, kind: 'workday' })),
    ];
    if (days.length > 0) {
      await db
        .insertInto('rewards_calendar_days')
        .values(days.map((d) => ({ date: d.date, year: year.year, kind: d.kind, name: d.name })))
        .execute();
    }
  }

  const programs = await db.selectFrom('rewards_programs').select(['id', 'settings']).execute();
  for (const program of programs as { id: string; settings: string }[]) {
    const { businessCalendar: _dropped, ...settings } = JSON.parse(program.settings) as Record<
      string,
      unknown
    >;
    await db
      .updateTable('rewards_programs')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', program.id)
      .execute();
  }
}
