import { addDays, type CalendarDate, monthOf } from '../calendar/taipei-date.ts';
import type { FlagPeriod, LevelPeriod } from '../contracts.ts';
import type { CardLevel } from '../program/types.ts';
import type { CardFlagRow, CardLevelRow } from './history-store.ts';

/**
 * A card's level and flags over time, from the append-only rows. Rows are given in the order
 * they were made; for one effective date the later decision wins (a change corrected before it
 * took effect).
 */

/** The 1st of the month after a date: when a level change or a new flag starts to count (§1.4). */
export function firstOfNextMonth(date: CalendarDate): CalendarDate {
  // The 1st plus 31 days always lands early in the next month, whatever this month's length.
  return `${monthOf(addDays(`${monthOf(date)}-01`, 31))}-01`;
}

/** Latest decision per effective date, ordered by date. */
function latestPerDate<T extends { effective_from: string }>(rows: readonly T[]): T[] {
  const byDate = new Map<string, T>();
  for (const row of rows) byDate.set(row.effective_from, row);
  return [...byDate.values()].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
}

/**
 * The level periods, oldest first: the level at issue from the issue date, then each change that
 * moved the level. A change dated on or before the issue date replaces the issued level.
 */
export function levelPeriods(
  issued: { level: CardLevel; from: CalendarDate },
  changes: readonly Pick<CardLevelRow, 'level' | 'effective_from'>[],
): LevelPeriod[] {
  const periods: LevelPeriod[] = [{ level: issued.level, from: issued.from }];
  for (const change of latestPerDate(changes)) {
    // ISO dates compare as strings (Math.max would give NaN).
    const from = change.effective_from.localeCompare(issued.from) < 0 ? issued.from : change.effective_from;
    const last = periods[periods.length - 1] as LevelPeriod;
    const level = Number(change.level) as CardLevel;
    if (from === last.from) periods[periods.length - 1] = { level, from };
    else if (level !== last.level) periods.push({ level, from });
  }
  // A correction can leave two neighbours equal: merge them so every period is a real change.
  return periods.filter((p, i) => i === 0 || p.level !== periods[i - 1]?.level);
}

export function levelOn(periods: readonly LevelPeriod[], date: CalendarDate): CardLevel {
  let level: CardLevel = periods[0]?.level ?? 1;
  for (const period of periods) if (period.from <= date) level = period.level;
  return level;
}

/** The next level change after a date, if one is decided. */
export function pendingLevel(periods: readonly LevelPeriod[], date: CalendarDate): LevelPeriod | null {
  return periods.find((p) => p.from > date) ?? null;
}

/** Runs of a flag being held: `[from, until)` with until null when open. */
export interface FlagRun {
  readonly from: CalendarDate;
  readonly until: CalendarDate | null;
}

export function flagRuns(rows: readonly Pick<CardFlagRow, 'action' | 'effective_from'>[]): FlagRun[] {
  const runs: FlagRun[] = [];
  let open: CalendarDate | null = null;
  for (const row of latestPerDate(rows)) {
    if (row.action === 'grant' && open === null) open = row.effective_from;
    if (row.action === 'revoke' && open !== null) {
      runs.push({ from: open, until: row.effective_from });
      open = null;
    }
  }
  if (open !== null) runs.push({ from: open, until: null });
  return runs;
}

/** Every run of every flag, ordered by start date: from the append-only rows, in the order made. */
export function flagPeriods(
  rows: readonly Pick<CardFlagRow, 'flag' | 'action' | 'effective_from'>[],
): FlagPeriod[] {
  const byFlag = new Map<string, Pick<CardFlagRow, 'flag' | 'action' | 'effective_from'>[]>();
  for (const row of rows) byFlag.set(row.flag, [...(byFlag.get(row.flag) ?? []), row]);
  return [...byFlag]
    .flatMap(([flag, list]) => flagRuns(list).map((run) => ({ flag, ...run })))
    .sort((a, b) => a.from.localeCompare(b.from) || a.flag.localeCompare(b.flag));
}

/** Whether a flag's runs cover a date. */
export function heldOn(runs: readonly FlagRun[], date: CalendarDate): boolean {
  return runs.some((run) => run.from <= date && (run.until === null || run.until > date));
}

/**
 * The flags as the card app shows them on `today`: each held flag with the date it counts from,
 * and a flag granted from a later date with that date. One that ended before today is absent.
 */
export function flagsAsOf(periods: readonly FlagPeriod[], today: CalendarDate): Record<string, CalendarDate> {
  const flags: Record<string, CalendarDate> = {};
  for (const run of periods) {
    if ((run.until === null || run.until > today) && flags[run.flag] === undefined)
      flags[run.flag] = run.from;
  }
  return flags;
}
