import type { TFunction } from 'i18next';
import { formatCalendarDate } from '../lib/format.ts';

/** A window's last day as the console shows it; null is an open end (until the bank withdraws it). */
export function windowEndText(t: TFunction, date: string | null, lang: string): string {
  return date === null ? t('rewards.admin.openEnd') : formatCalendarDate(date, lang);
}
