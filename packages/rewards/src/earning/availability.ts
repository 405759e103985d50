import { nthBusinessDayAfter } from '../calendar/business-days.ts';
import { type CalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import type { ProgramSettings } from '../program/types.ts';

/**
 * The Taipei date a settled transaction's points move from pending to available: the program's
 * nth business day after the settlement date (CUBE: 次二日, postponed on holidays, §1.3).
 * @example pointsAvailableOn(CUBE_SETTINGS, taipeiInstant('2026-02-13', '10:00')) === '2026-02-24'
 */
export function pointsAvailableOn(settings: ProgramSettings, settledAtMs: number): CalendarDate {
  return nthBusinessDayAfter(
    taipeiDate(settledAtMs),
    settings.availableAfterBusinessDays,
    settings.businessCalendar,
  );
}
