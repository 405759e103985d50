import { describe, expect, it } from 'vitest';
import { checkCalendarYear } from '../calendar/rules.ts';
import { weekday } from '../calendar/taipei-date.ts';
import { TW_BUSINESS_CALENDAR, TW_CALENDAR_YEARS } from './tw-business-calendar.ts';

describe("Taiwan's shipped calendar", () => {
  it('passes the checks the console applies: weekday holidays, in their year, none twice', () => {
    for (const year of TW_CALENDAR_YEARS) expect(checkCalendarYear(year), String(year.year)).toEqual([]);
    expect(TW_CALENDAR_YEARS.map((y) => y.year)).toEqual([2026, 2027]);
  });

  it('keeps the observance rules in 2027: Saturday → Friday before, Sunday → Monday after', () => {
    const closed = (date: string) => !TW_BUSINESS_CALENDAR.judge(date).businessDay;
    // Lunar New Year begins Saturday 6 Feb: eve and the day before it closed, 6 and 7 Feb observed on 9 and 10 Feb.
    expect(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].every(closed)).toBe(true);
    expect(closed('2027-02-11')).toBe(false);
    expect(closed('2027-03-01')).toBe(true); // 228 on a Sunday
    expect(closed('2027-04-30')).toBe(true); // Labour Day on a Saturday, a holiday for government since 2025
    expect(closed('2027-09-28')).toBe(true); // Teachers' Day, a national holiday since 2025
    expect(closed('2027-10-25')).toBe(true); // Retrocession Day, a national holiday since 2025
    expect(closed('2027-10-11')).toBe(true); // National Day on a Sunday
    expect(closed('2027-12-24')).toBe(true); // Constitution Day on a Saturday
    expect(closed('2027-12-31')).toBe(true); // 2028-01-01 is a Saturday
    const holidays = TW_CALENDAR_YEARS.flatMap((y) => y.holidays.map((d) => d.date));
    expect(holidays.filter((d) => weekday(d) === 0 || weekday(d) === 6)).toEqual([]);
  });
});
