/**
 * Compact counts the way each locale writes them: 1.2萬 / 1.2万 / 1.2K. Intl supplies the
 * words, so no unit strings live in the code.
 */
export function formatCount(value: number, language: string): string {
  if (value < 1000) return String(value);
  return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago" / "3 小時前" / "3小时前", from Intl in the UI language. */
export function formatRelative(epochMs: number, language: string, nowMs = Date.now()): string {
  // A server clock slightly ahead of this device must not read as "in 2 minutes".
  const diff = Math.min(0, epochMs - nowMs);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'second');
}
