/**
 * Calendar dates in Asia/Taipei. Taiwan has kept UTC+8 without daylight saving since 1979, so a
 * fixed offset is exact for every instant this program can meet; no time-zone library needed.
 * Dates are ISO strings (`2026-03-14`): they sort and compare as strings.
 */
export type CalendarDate = string;
/** A calendar month, `2026-03`. */
export type CalendarMonth = string;

export const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats a Date's UTC fields, which after the +8 h shift are Taipei's wall-clock fields. */
function utcFieldsToDate(shifted: Date): CalendarDate {
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1, 2)}-${pad(shifted.getUTCDate(), 2)}`;
}

/**
 * The Taipei calendar date of an instant.
 * @example taipeiDate(Date.UTC(2026, 2, 13, 16, 0)) === '2026-03-14' // 00:00 in Taipei
 */
export function taipeiDate(instantMs: number): CalendarDate {
  return utcFieldsToDate(new Date(instantMs + TAIPEI_OFFSET_MS));
}

/** True for a real `YYYY-MM-DD` date (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** The instant of 00:00 Taipei time on a date: when a plan switched that day starts to apply. */
export function taipeiStartOfDay(date: CalendarDate): number {
  const match = DATE_PATTERN.exec(date);
  if (!match || !isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - TAIPEI_OFFSET_MS;
}

/** The instant of a Taipei wall-clock time, for tests and seed data: `taipeiInstant('2024-02-15', '15:30')`. */
export function taipeiInstant(date: CalendarDate, time = '00:00'): number {
  const [hours, minutes] = time.split(':').map(Number);
  return taipeiStartOfDay(date) + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return utcFieldsToDate(new Date(taipeiStartOfDay(date) + TAIPEI_OFFSET_MS + days * DAY_MS));
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function weekday(date: CalendarDate): number {
  return new Date(taipeiStartOfDay(date) + TAIPEI_OFFSET_MS).getUTCDay();
}

export function monthOf(date: CalendarDate): CalendarMonth {
  return date.slice(0, 7);
}

/** 1 … 12. */
export function monthNumber(date: CalendarDate): number {
  return Number(date.slice(5, 7));
}
