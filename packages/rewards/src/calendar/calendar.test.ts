import { describe, expect, it } from 'vitest';
import {
  businessCalendarOf,
  isBusinessDay,
  nthBusinessDayAfter,
  nthBusinessDayAfterJudged,
} from './business-days.ts';
import {
  addDays,
  isCalendarDate,
  taipeiDate,
  taipeiInstant,
  taipeiStartOfDay,
  weekday,
} from './taipei-date.ts';

describe('Taipei calendar dates', () => {
  it('turns the date over at 16:00 UTC, midnight in Taipei', () => {
    expect(taipeiDate(Date.UTC(2026, 2, 13, 15, 59, 59, 999))).toBe('2026-03-13');
    expect(taipeiDate(Date.UTC(2026, 2, 13, 16, 0))).toBe('2026-03-14');
    expect(taipeiDate(Date.UTC(2025, 11, 31, 16, 0))).toBe('2026-01-01');
  });

  it('round-trips a date through its start-of-day instant', () => {
    expect(taipeiStartOfDay('2024-02-29')).toBe(Date.UTC(2024, 1, 28, 16, 0));
    expect(taipeiDate(taipeiStartOfDay('2024-02-29'))).toBe('2024-02-29');
    expect(taipeiInstant('2024-02-15', '15:30')).toBe(Date.UTC(2024, 1, 15, 7, 30));
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('knows weekdays and rejects impossible dates', () => {
    expect(weekday('2026-03-14')).toBe(6); // a Saturday
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(() => taipeiStartOfDay('2026-13-01')).toThrow(RangeError);
  });
});

describe('business days', () => {
  const day = (date: string) => ({ date, name: date });
  const calendar = businessCalendarOf([
    { year: 2026, holidays: [day('2026-04-03'), day('2026-04-06')], makeUpWorkdays: [day('2026-04-11')] },
  ]);

  it('skips weekends and holidays and counts make-up Saturdays', () => {
    expect(isBusinessDay('2026-04-03', calendar)).toBe(false);
    expect(isBusinessDay('2026-04-11', calendar)).toBe(true);
    expect(nthBusinessDayAfter('2026-04-02', 1, calendar)).toBe('2026-04-07');
    expect(nthBusinessDayAfter('2026-04-09', 2, calendar)).toBe('2026-04-11');
  });

  it('stops on a calendar with no business day in a year', () => {
    const dates = Array.from({ length: 400 }, (_, i) => addDays('2026-01-01', i));
    const allHolidays = businessCalendarOf(
      [2026, 2027].map((year) => ({
        year,
        holidays: dates.filter((d) => d.startsWith(String(year))).map(day),
        makeUpWorkdays: [],
      })),
    );
    expect(() => nthBusinessDayAfter('2025-12-31', 1, allHolidays)).toThrow(RangeError);
  });

  it('judges a year it does not cover by weekday alone, says so, and tells its hook once per date asked', () => {
    const assumedYears: number[] = [];
    const known = businessCalendarOf([{ year: 2026, holidays: [day('2026-12-25')], makeUpWorkdays: [] }], {
      onAssumedYear: (year) => assumedYears.push(year),
    });
    // 2027-01-01 is a Friday: a holiday in Taiwan, but this calendar does not know 2027.
    expect(known.judge('2027-01-01')).toEqual({ businessDay: true, assumed: true });
    expect(known.judge('2027-01-02')).toEqual({ businessDay: false, assumed: true });
    expect(known.judge('2026-12-25')).toEqual({ businessDay: false, assumed: false });
    expect(assumedYears).toEqual([2027, 2027]);
    expect(nthBusinessDayAfterJudged('2026-12-29', 2, known)).toEqual({ date: '2026-12-31', assumed: false });
    expect(nthBusinessDayAfterJudged('2026-12-30', 2, known)).toEqual({ date: '2027-01-01', assumed: true });
  });
});
