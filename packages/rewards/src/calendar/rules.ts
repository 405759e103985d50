import type { FieldIssue } from '@plaza/kernel';
import { type CalendarDay, type CalendarYear, yearOf } from './business-days.ts';
import { addDays, type CalendarDate, isCalendarDate, weekday } from './taipei-date.ts';

/**
 * What a year of the calendar must satisfy, and when the console warns that years are missing.
 * Pure: the admin service answers the issues as a 400 and writes nothing.
 */

/** How far ahead the console warns that the calendar lacks a year the engine will soon meet. */
export const CALENDAR_WARNING_DAYS = 60;

function isWeekend(date: CalendarDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

function checkDays(
  days: readonly CalendarDay[],
  year: number,
  list: 'holidays' | 'makeUpWorkdays',
  seen: Set<string>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  days.forEach((day, i) => {
    const field = `/${list}/${i}/date`;
    if (!isCalendarDate(day.date)) issues.push({ field, code: 'not_date', message: 'is not a real date' });
    else if (yearOf(day.date) !== year)
      issues.push({ field, code: 'wrong_year', params: { year }, message: `is not in ${year}` });
    // A holiday on a weekend closes nothing, a make-up weekday opens nothing: surely a typo.
    else if (list === 'holidays' && isWeekend(day.date))
      issues.push({
        field,
        code: 'holiday_on_weekend',
        message: 'falls on a weekend; list the weekday it is observed on',
      });
    else if (list === 'makeUpWorkdays' && !isWeekend(day.date))
      issues.push({
        field,
        code: 'workday_not_weekend',
        message: 'is a weekday; a make-up working day is a Saturday or Sunday',
      });
    else if (seen.has(day.date)) issues.push({ field, code: 'duplicate', message: 'is listed twice' });
    seen.add(day.date);
    if (day.name.trim() === '')
      issues.push({ field: `/${list}/${i}/name`, code: 'empty', message: 'is empty' });
  });
  return issues;
}

/** The issues of a year as the bank would store it; none when it may be stored. */
export function checkCalendarYear(input: CalendarYear): FieldIssue[] {
  const seen = new Set<string>();
  return [
    ...checkDays(input.holidays, input.year, 'holidays', seen),
    ...checkDays(input.makeUpWorkdays, input.year, 'makeUpWorkdays', seen),
  ];
}

/** A year in the days ahead that the calendar does not cover. */
export interface MissingYearWarning {
  readonly code: 'calendar_year_missing';
  readonly year: number;
  /** The first date of that year the engine meets (today when it is already that year). */
  readonly from: CalendarDate;
}

/**
 * The years from today through `days` ahead that the calendar lacks: their dates will be
 * judged by weekday alone (holidays counted as business days) until the bank adds them.
 * @example missingYears([2026, 2027], '2027-11-15') → [{ code: 'calendar_year_missing', year: 2028, from: '2028-01-01' }]
 */
export function missingYears(
  covered: readonly number[],
  today: CalendarDate,
  days = CALENDAR_WARNING_DAYS,
): MissingYearWarning[] {
  const last = yearOf(addDays(today, days));
  const warnings: MissingYearWarning[] = [];
  for (let year = yearOf(today); year <= last; year++) {
    if (covered.includes(year)) continue;
    const from = year === yearOf(today) ? today : `${year}-01-01`;
    warnings.push({ code: 'calendar_year_missing', year, from });
  }
  return warnings;
}
