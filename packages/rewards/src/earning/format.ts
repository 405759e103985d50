import type { CalendarDate } from '../calendar/taipei-date.ts';
import type { Locale } from './messages.ts';

// ISO 4217 exponents that are not 2, for showing foreign amounts; extend as currencies appear.
const ZERO_DECIMAL_CURRENCIES = new Set(['JPY', 'KRW', 'VND', 'IDR', 'CLP', 'ISK', 'UGX']);
const THREE_DECIMAL_CURRENCIES = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND']);

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An integer in minor units as a decimal, by string arithmetic: never through a float. */
function fixed(minor: number, exponent: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = group(digits.slice(0, digits.length - exponent));
  const fraction = exponent === 0 ? '' : digits.slice(digits.length - exponent);
  return fraction === '' || /^0+$/.test(fraction) ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

export function currencyExponent(currency: string): number {
  if (ZERO_DECIMAL_CURRENCIES.has(currency)) return 0;
  return THREE_DECIMAL_CURRENCIES.has(currency) ? 3 : 2;
}

/** @example formatTwd(200000) === 'NT$2,000' */
export function formatTwd(minor: number): string {
  return `NT$${fixed(minor, 2)}`;
}

/** @example formatMoney('USD', 10050) === 'USD 100.50'; formatMoney('JPY', 10000) === 'JPY 10,000' */
export function formatMoney(currency: string, minor: number): string {
  return currency === 'TWD' ? formatTwd(minor) : `${currency} ${fixed(minor, currencyExponent(currency))}`;
}

/** @example formatRate(30) === '0.3%'; formatRate(330) === '3.3%'; formatRate(1000) === '10%' */
export function formatRate(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

/** zh-TW writes dates as 2024/2/1, as the bank's notices do. */
export function formatDate(date: CalendarDate, locale: Locale): string {
  if (locale === 'en') return date;
  const [year, month, day] = date.split('-').map(Number);
  return `${year}/${month}/${day}`;
}
