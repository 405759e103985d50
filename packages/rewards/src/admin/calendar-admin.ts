import { type Clock, NotFoundError, ValidationError } from '@plaza/kernel';
import type { CalendarDay } from '../calendar/business-days.ts';
import { checkCalendarYear, missingYears } from '../calendar/rules.ts';
import type { CalendarSource } from '../calendar/source.ts';
import type { CalendarStore, StoredCalendarYear } from '../calendar/store.ts';
import { taipeiDate } from '../calendar/taipei-date.ts';

export interface CalendarAdminDeps {
  store: CalendarStore;
  source: CalendarSource;
  clock: Clock;
}

export interface CalendarYearInput {
  readonly holidays: readonly CalendarDay[];
  readonly makeUpWorkdays: readonly CalendarDay[];
}

/** The bank's business-day calendar: read it, warn about missing years, replace a year whole. */
export function createCalendarAdmin({ store, source, clock }: CalendarAdminDeps) {
  const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);
  return {
    /** Every stored year, and the years ahead it lacks. */
    overview() {
      const today = taipeiDate(clock.nowMs());
      const years = source.years();
      return {
        today,
        years,
        warnings: missingYears(
          years.map((y) => y.year),
          today,
        ),
      };
    },

    year(year: number): StoredCalendarYear {
      const found = source.years().find((y) => y.year === year);
      if (!found) throw new NotFoundError(`The calendar year ${year}`, 'calendar_year_not_found');
      return found;
    },

    /**
     * Replaces a year (creating it when new). Checked whole first: a refused year writes nothing.
     * This process's calendar is rebuilt before the answer; the others see the revision move.
     */
    async putYear(year: number, input: CalendarYearInput, actor: string): Promise<StoredCalendarYear> {
      const candidate = {
        year,
        holidays: [...input.holidays].sort(byDate),
        makeUpWorkdays: [...input.makeUpWorkdays].sort(byDate),
      };
      const issues = checkCalendarYear({ ...input, year });
      if (issues.length > 0) {
        throw new ValidationError(
          'The calendar year is not possible as given; nothing was written.',
          issues,
          'calendar_invalid',
        );
      }
      await store.transaction(async (trx) => {
        await store.bumpRevision(trx);
        await store.replaceYear(candidate, clock.nowMs(), actor, trx);
      });
      await source.reload();
      return this.year(year);
    },
  };
}

export type CalendarAdmin = ReturnType<typeof createCalendarAdmin>;
