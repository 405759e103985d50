import type { Names } from '../api/types.ts';

/** The program's day boundary: every CUBE rule (switching, 消費日) is on the Asia/Taipei calendar. */
export const TAIPEI = 'Asia/Taipei';

/**
 * The name to show for a plan or channel. The API carries Traditional Chinese and English;
 * Simplified readers get the Traditional name (converted on screen by `useChineseScript`).
 */
export function pickName(names: Names | null | undefined, language: string): string {
  if (!names) return '';
  return language === 'en' ? names.en : names['zh-TW'];
}

/** A rate in basis points as a percentage in the UI language: 330 → "3.3%". */
export function formatRate(bps: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

/** Whole points with the locale's grouping: 12345 → "12,345". */
export function formatPoints(points: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(points);
}

/** Points with an explicit sign, for postings and earnings: +90, −60. */
export function formatSignedPoints(points: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(
    points,
  );
}

/** ISO 4217 minor-unit exponent, from the browser's currency data (TWD 2, JPY 0, ...). */
export function currencyExponent(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * An amount in minor units as money: 600000 TWD → "NT$6,000" (no ".00" on whole amounts, the
 * way Taiwanese statements print them), 1234 USD → "US$12.34".
 */
export function formatMoney(minor: number, currency: string, language: string): string {
  const exponent = currencyExponent(currency);
  const value = minor / 10 ** exponent;
  const whole = Number.isInteger(value);
  // zh-TW writes its own currency as a bare "$"; "NT$" is what statements and the point
  // explanations print, so TWD keeps that symbol in every UI language.
  const locale = currency === 'TWD' ? 'en' : language;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'symbol',
      minimumFractionDigits: whole ? 0 : exponent,
      maximumFractionDigits: exponent,
    }).format(value);
  } catch {
    return `${value.toFixed(exponent)} ${currency}`;
  }
}

/** The Taipei calendar date of an instant, `YYYY-MM-DD`. */
export function taipeiDateOf(epochMs: number): string {
  // en-CA writes ISO-like dates; the parts are assembled anyway so no locale quirk can leak in.
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TAIPEI,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A calendar date (`YYYY-MM-DD`, no time zone) in the UI language: "2026年3月10日" / "Mar 10, 2026". */
export function formatCalendarDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}

/** An instant as a Taipei date in the UI language. */
export function formatTaipeiDate(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: TAIPEI }).format(epochMs);
}

/** An instant as a Taipei date and time in the UI language. */
export function formatTaipeiDateTime(epochMs: number, language: string): string {
  // 24-hour clock: the program's day starts at "00:00", never "12:00 AM" / "凌晨12:00".
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: TAIPEI,
  }).format(epochMs);
}

/** An RFC 3339 instant (as events carry them) as a Taipei date and time; the text itself if unparsable. */
export function formatInstant(iso: string, language: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatTaipeiDateTime(ms, language);
}
