import { addDays, type CalendarDate, weekday } from './taipei-date.ts';

/**
 * Which days banks work. Taiwan moves holidays around: besides the listed holidays, some
 * Saturdays are make-up working days (補班日), so both lists are data, published yearly by the
 * DGPA (行政院人事行政總處).
 */
export interface BusinessCalendar {
  readonly holidays: readonly CalendarDate[];
  readonly makeUpWorkdays: readonly CalendarDate[];
}

// A calendar with more than a year of consecutive closed days is broken data; stop rather than loop.
const SEARCH_DAYS_MAX = 366;

export function isBusinessDay(date: CalendarDate, calendar: BusinessCalendar): boolean {
  if (calendar.makeUpWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/**
 * The `n`th business day strictly after `date`.
 * @example nthBusinessDayAfter('2026-03-12', 2, calendar) === '2026-03-16' // Thu → Fri, Mon
 */
export function nthBusinessDayAfter(date: CalendarDate, n: number, calendar: BusinessCalendar): CalendarDate {
  if (n <= 0) return date;
  let current = date;
  let found = 0;
  for (let step = 0; step < SEARCH_DAYS_MAX; step++) {
    current = addDays(current, 1);
    if (isBusinessDay(current, calendar)) found += 1;
    if (found >= n) return current;
  }
  throw new RangeError(`No ${n} business days within ${SEARCH_DAYS_MAX} days after ${date}`);
}
