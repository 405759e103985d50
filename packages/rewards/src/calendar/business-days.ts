import { addDays, type CalendarDate, weekday } from './taipei-date.ts';

/**
 * Which days banks work. Taiwan moves holidays around: besides the listed holidays, some
 * Saturdays are make-up working days (補班日), so both lists are data, published yearly by the
 * DGPA (行政院人事行政總處) and kept by the bank, a year at a time.
 */

/** A day the bank's calendar names, with the bank's label for it (元旦, 春節補假, …). */
export interface CalendarDay {
  readonly date: CalendarDate;
  readonly name: string;
}

/** One year of the calendar: weekday holidays and weekend make-up working days, in that year. */
export interface CalendarYear {
  readonly year: number;
  readonly holidays: readonly CalendarDay[];
  readonly makeUpWorkdays: readonly CalendarDay[];
}

/**
 * How the calendar judges a date. `assumed` is true when the date's year is not in the bank's
 * calendar: the date is then judged by its weekday alone (Monday to Friday open), which is
 * right for most days of a year and wrong on its holidays, so callers say so (logs, console).
 */
export interface DayJudgement {
  readonly businessDay: boolean;
  readonly assumed: boolean;
}

/**
 * The calendar as the engine reads it: an in-memory snapshot, judged without I/O (it runs for
 * every settlement of a bulk import). Built by `businessCalendarOf`; the stored calendar's
 * source rebuilds it when the bank edits a year.
 */
export interface BusinessCalendar {
  /** The years the data covers, ascending, with their days: what the snapshot was built from. */
  readonly years: readonly CalendarYear[];
  judge(date: CalendarDate): DayJudgement;
}

export interface BusinessCalendarOptions {
  /** Called when a date of a year the calendar does not cover is judged (the caller dedupes). */
  onAssumedYear?: (year: number) => void;
}

function isWeekday(date: CalendarDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/**
 * An in-memory calendar over the given years: set lookups, so judging a day costs no search.
 * @example businessCalendarOf([{ year: 2026, holidays: [{ date: '2026-01-01', name: '元旦' }], makeUpWorkdays: [] }]).judge('2026-01-01') → { businessDay: false, assumed: false }
 */
export function businessCalendarOf(
  years: readonly CalendarYear[],
  options: BusinessCalendarOptions = {},
): BusinessCalendar {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const covered = new Set(sorted.map((y) => y.year));
  const holidays = new Set(sorted.flatMap((y) => y.holidays.map((d) => d.date)));
  const workdays = new Set(sorted.flatMap((y) => y.makeUpWorkdays.map((d) => d.date)));
  const known: DayJudgement[] = [
    { businessDay: false, assumed: false },
    { businessDay: true, assumed: false },
  ];
  return {
    years: sorted,
    judge(date) {
      const year = yearOf(date);
      if (!covered.has(year)) {
        options.onAssumedYear?.(year);
        return { businessDay: isWeekday(date), assumed: true };
      }
      if (workdays.has(date)) return known[1]!;
      if (holidays.has(date)) return known[0]!;
      return known[isWeekday(date) ? 1 : 0]!;
    },
  };
}

/** The last year the calendar covers, or null when it covers none. */
export function lastCoveredYear(calendar: Pick<BusinessCalendar, 'years'>): number | null {
  return calendar.years.at(-1)?.year ?? null;
}

// A calendar with more than a year of consecutive closed days is broken data; stop rather than loop.
const SEARCH_DAYS_MAX = 366;

export function isBusinessDay(date: CalendarDate, calendar: BusinessCalendar): boolean {
  return calendar.judge(date).businessDay;
}

/**
 * The `n`th business day strictly after `date`, and whether any day counted on the way was
 * judged by weekday alone (a year the calendar does not cover).
 */
export function nthBusinessDayAfterJudged(
  date: CalendarDate,
  n: number,
  calendar: BusinessCalendar,
): { date: CalendarDate; assumed: boolean } {
  if (n <= 0) return { date, assumed: false };
  let current = date;
  let found = 0;
  let assumed = false;
  for (let step = 0; step < SEARCH_DAYS_MAX; step++) {
    current = addDays(current, 1);
    const day = calendar.judge(current);
    assumed ||= day.assumed;
    if (day.businessDay) found += 1;
    if (found >= n) return { date: current, assumed };
  }
  throw new RangeError(`No ${n} business days within ${SEARCH_DAYS_MAX} days after ${date}`);
}

/**
 * The `n`th business day strictly after `date`.
 * @example nthBusinessDayAfter('2026-03-12', 2, calendar) === '2026-03-16' // Thu → Fri, Mon
 */
export function nthBusinessDayAfter(date: CalendarDate, n: number, calendar: BusinessCalendar): CalendarDate {
  return nthBusinessDayAfterJudged(date, n, calendar).date;
}
