import type { Kysely } from 'kysely';
import type { CalendarDay, CalendarYear } from './business-days.ts';

export interface CalendarStateRow {
  id: string;
  revision: number;
}

export interface CalendarYearRow {
  year: number;
  updated_at: number;
  updated_by: string | null;
}

export interface CalendarDayRow {
  date: string;
  year: number;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface RewardsCalendarTables {
  rewards_calendar_state: CalendarStateRow;
  rewards_calendar_years: CalendarYearRow;
  rewards_calendar_days: CalendarDayRow;
}

/** A stored year with who changed it last (null: shipped with Plaza). */
export interface StoredCalendarYear extends CalendarYear {
  readonly updatedAt: number;
  readonly updatedBy: string | null;
}

export interface CalendarRows {
  revision: number;
  years: StoredCalendarYear[];
}

type Db = Kysely<RewardsCalendarTables>;
const STATE_ID = 'calendar';

function dayOf(row: CalendarDayRow): CalendarDay {
  return { date: row.date, name: row.name };
}

/** All SQL on the calendar tables. */
export function createCalendarStore(root: Db) {
  return {
    transaction: <T>(fn: (trx: Db) => Promise<T>) => root.transaction().execute(fn),

    /** The calendar's revision: one small read, polled. */
    async revision(db: Db = root): Promise<number> {
      const row = await db
        .selectFrom('rewards_calendar_state')
        .select('revision')
        .where('id', '=', STATE_ID)
        .executeTakeFirst();
      return row ? Number(row.revision) : 0;
    },

    /** Every year with its days, ascending; two queries whatever the number of years. */
    async load(db: Db = root): Promise<CalendarRows> {
      const revision = await this.revision(db);
      const years = await db.selectFrom('rewards_calendar_years').selectAll().orderBy('year').execute();
      const days = await db.selectFrom('rewards_calendar_days').selectAll().orderBy('date').execute();
      return {
        revision,
        years: years.map((y) => {
          const own = days.filter((d) => Number(d.year) === Number(y.year));
          return {
            year: Number(y.year),
            holidays: own.filter((d) => d.kind === 'holiday').map(dayOf),
            makeUpWorkdays: own.filter((d) => d.kind === 'workday').map(dayOf),
            updatedAt: Number(y.updated_at),
            updatedBy: y.updated_by,
          };
        }),
      };
    },

    /**
     * Moves the revision on: the first statement of an edit, so on PostgreSQL the row lock
     * queues concurrent edits.
     */
    async bumpRevision(db: Db): Promise<number> {
      await db
        .updateTable('rewards_calendar_state')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .where('id', '=', STATE_ID)
        .execute();
      return this.revision(db);
    },

    /** Replaces a year whole: its row and every day it names. */
    async replaceYear(year: CalendarYear, nowMs: number, actor: string, db: Db): Promise<void> {
      await db.deleteFrom('rewards_calendar_days').where('year', '=', year.year).execute();
      await db
        .insertInto('rewards_calendar_years')
        .values({ year: year.year, updated_at: nowMs, updated_by: actor })
        .onConflict((oc) => oc.column('year').doUpdateSet({ updated_at: nowMs, updated_by: actor }))
        .execute();
      const days: CalendarDayRow[] = [
        ...year.holidays.map((d) => ({ ...d, year: year.year, kind: 'holiday' as const })),
        ...year.makeUpWorkdays.map((d) => ({ ...d, year: year.year, kind: 'workday' as const })),
      ];
      if (days.length > 0) await db.insertInto('rewards_calendar_days').values(days).execute();
    },
  };
}

export type CalendarStore = ReturnType<typeof createCalendarStore>;
