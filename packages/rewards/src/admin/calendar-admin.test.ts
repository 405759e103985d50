import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, createPlatform, loadConfig, type Platform, tables } from '@plaza/kernel';
import { bearer, testDatabases } from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CalendarSource, openCalendarSource } from '../calendar/source.ts';
import { createCalendarStore, type RewardsCalendarTables } from '../calendar/store.ts';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { pointsAvailableOn } from '../earning/availability.ts';
import { type RewardsTestBed, startRewards } from './test-support.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-calendar-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** SQLite in a file, so that a second connection (another process) sees the same rows. */
const targets = testDatabases().map((t) =>
  t.name === 'sqlite' ? { ...t, url: `sqlite:${path.join(tmp, `${randomBytes(4).toString('hex')}.db`)}` } : t,
);

const URL = '/api/rewards/v1/admin/calendar';

describe.each(targets)('the business calendar as the bank keeps it ($name)', (target) => {
  let bed: RewardsTestBed;
  let other: Platform;
  let otherCalendar: CalendarSource;

  beforeAll(async () => {
    bed = await startRewards(target, { date: '2026-12-03', time: '09:00' });
    const { schema } = bed.server.platform.database;
    other = createPlatform(loadConfig({ PLAZA_DATABASE_URL: target.url, PLAZA_LOG_LEVEL: 'silent' }), {
      logger: createLogger('silent'),
      ...(schema ? { database: { schema, poolSize: 2 } } : {}),
    });
    otherCalendar = await openCalendarSource({
      store: createCalendarStore(tables<RewardsCalendarTables>(other)),
      logger: other.logger,
      refreshIntervalMs: 0,
    });
  });
  afterAll(async () => {
    otherCalendar?.stop();
    await other?.close();
    await bed?.server.close();
  });

  const calendarRows = async () => {
    const db = bed.server.platform.database.db;
    return [
      (await sql`select * from rewards_calendar_years order by year`.execute(db)).rows,
      (await sql`select * from rewards_calendar_days order by date`.execute(db)).rows,
      (await sql`select * from rewards_calendar_state`.execute(db)).rows,
    ];
  };
  const year2027 = async () => (await bed.asAdmin('GET', `${URL}/2027`)).json();

  it('answers 401 to anonymous callers and 403 to cardholders, and changes nothing', async () => {
    const user = await bed.holder('plain');
    const before = await calendarRows();
    for (const [method, url, payload] of [
      ['GET', URL],
      ['GET', `${URL}/2027`],
      ['PUT', `${URL}/2027`, { holidays: [], makeUpWorkdays: [] }],
    ] as const) {
      const request = { method, url, ...(payload ? { payload } : {}) };
      expect((await bed.server.app.inject(request)).statusCode, `${method} ${url}`).toBe(401);
      const asUser = await bed.server.app.inject({ ...request, headers: bearer(user.token) });
      expect(asUser.statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await calendarRows()).toEqual(before);
  });

  it('is seeded with Taiwan’s 2026 and 2027 and warns of nothing in December 2026', async () => {
    const response = await bed.asAdmin('GET', URL);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.today).toBe('2026-12-03');
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2026, 2027]);
    expect(body.years[1].holidays[0]).toEqual({ date: '2027-01-01', name: '開國紀念日' });
    expect(body.years[1].updatedBy).toBeNull();
    expect(body.warnings).toEqual([]);
    expect((await bed.asAdmin('GET', `${URL}/2031`)).json().code).toBe('calendar_year_not_found');
  });

  it('refuses a year that cannot be right, beside the field, and writes nothing', async () => {
    const before = await calendarRows();
    const cases: [unknown, number, string, string?][] = [
      [
        { holidays: [{ date: '2027-05-01', name: '勞動節' }], makeUpWorkdays: [] },
        400,
        'calendar_invalid',
        '/holidays/0/date',
      ],
      [
        { holidays: [{ date: '2028-01-03', name: 'x' }], makeUpWorkdays: [] },
        400,
        'calendar_invalid',
        '/holidays/0/date',
      ],
      [
        { holidays: [], makeUpWorkdays: [{ date: '2027-03-03', name: '補班' }] },
        400,
        'calendar_invalid',
        '/makeUpWorkdays/0/date',
      ],
      [
        {
          holidays: [
            { date: '2027-03-01', name: 'a' },
            { date: '2027-03-01', name: 'b' },
          ],
          makeUpWorkdays: [],
        },
        400,
        'calendar_invalid',
        '/holidays/1/date',
      ],
      [
        { holidays: [{ date: '2027-02-30', name: 'x' }], makeUpWorkdays: [] },
        400,
        'calendar_invalid',
        '/holidays/0/date',
      ],
      [
        { holidays: [{ date: '2027-03-01', name: '  ' }], makeUpWorkdays: [] },
        400,
        'calendar_invalid',
        '/holidays/0/name',
      ],
      [{ holidays: [], makeUpWorkdays: [], extra: 1 }, 400, 'validation_failed'],
      [{ holidays: [{ date: '2027-03-01' }], makeUpWorkdays: [] }, 400, 'validation_failed'],
    ];
    for (const [payload, status, code, field] of cases) {
      const response = await bed.asAdmin('PUT', `${URL}/2027`, payload);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().code, response.body).toBe(code);
      if (field) expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await bed.asAdmin('PUT', `${URL}/1999`, { holidays: [], makeUpWorkdays: [] })).statusCode).toBe(
      400,
    );
    expect(await calendarRows()).toEqual(before);
  });

  it('counts business days by an edit at once in this process, and in another once it polls', async () => {
    const settled = taipeiInstant('2027-03-03', '10:00'); // a Wednesday
    const program = () => bed.services.program;
    expect(pointsAvailableOn(program().settings, settled)).toBe('2027-03-05');
    expect(otherCalendar.current().judge('2027-03-04').businessDay).toBe(true);

    const current = await year2027();
    const edited = {
      holidays: [...current.holidays, { date: '2027-03-04', name: '臨時休假' }],
      makeUpWorkdays: [{ date: '2027-03-06', name: '補行上班' }],
    };
    const response = await bed.asAdmin('PUT', `${URL}/2027`, edited);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().updatedBy).toBe(bed.admin.id);
    expect(response.json().holidays).toContainEqual({ date: '2027-03-04', name: '臨時休假' });
    // Thursday closed, Saturday open: Wednesday's settlement is available on Saturday.
    expect(pointsAvailableOn(program().settings, settled)).toBe('2027-03-06');

    expect(otherCalendar.current().judge('2027-03-04').businessDay).toBe(true);
    expect(await otherCalendar.refresh()).toBe(true);
    expect(otherCalendar.current().judge('2027-03-04').businessDay).toBe(false);
    expect(await otherCalendar.refresh()).toBe(false);
  });

  it('warns of a missing year 60 days ahead, and stops once the bank adds it', async () => {
    bed.at('2027-11-15', '09:00');
    const warned = (await bed.asAdmin('GET', URL)).json();
    expect(warned.warnings).toEqual([{ code: 'calendar_year_missing', year: 2028, from: '2028-01-01' }]);
    const added = await bed.asAdmin('PUT', `${URL}/2028`, {
      holidays: [{ date: '2028-01-03', name: '測試' }],
      makeUpWorkdays: [],
    });
    expect(added.statusCode, added.body).toBe(200);
    const after = (await bed.asAdmin('GET', URL)).json();
    expect(after.warnings).toEqual([]);
    expect(after.years.map((y: { year: number }) => y.year)).toEqual([2026, 2027, 2028]);
    expect(bed.services.program.settings.businessCalendar.judge('2028-01-03')).toEqual({
      businessDay: false,
      assumed: false,
    });
  });
});
