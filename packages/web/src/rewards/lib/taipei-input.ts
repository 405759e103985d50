/**
 * The console's date-time inputs are Taipei wall time whatever the device's zone: the bank's
 * schedule is on the program's calendar. Taiwan has kept UTC+8 without daylight saving since 1979.
 */
const OFFSET = '+08:00';
const OFFSET_MS = 8 * 3_600_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `2026-07-01T00:00` (a datetime-local value) → `2026-07-01T00:00:00+08:00`; null when malformed. */
export function taipeiLocalToRfc3339(local: string): string | null {
  return LOCAL.test(local) ? `${local}:00${OFFSET}` : null;
}

/** An instant as a datetime-local value in Taipei wall time. */
export function epochToTaipeiLocal(epochMs: number): string {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 16);
}
