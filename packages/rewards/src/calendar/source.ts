import type { Logger } from '@plaza/kernel';
import { type BusinessCalendar, businessCalendarOf, lastCoveredYear } from './business-days.ts';
import type { CalendarStore, StoredCalendarYear } from './store.ts';

/**
 * The business-day calendar of a process: the tables read once into memory, judged without
 * I/O (business-day computations run per settlement in bulk imports), rebuilt when this process
 * edits the calendar (`reload`) or when another did (`refresh`, polling the revision).
 */
export interface CalendarSource {
  /** The calendar now: the same object until the next rebuild. */
  current(): BusinessCalendar;
  /** The stored years with who changed them, for the console. */
  years(): readonly StoredCalendarYear[];
  reload(): Promise<void>;
  /** Rebuilds when the revision moved; true when it did. */
  refresh(): Promise<boolean>;
  stop(): void;
}

export interface CalendarSourceOptions {
  store: CalendarStore;
  logger: Logger;
  /** How often to poll the revision for other processes' edits; 0 turns polling off. */
  refreshIntervalMs: number;
}

interface Snapshot {
  readonly revision: number;
  readonly years: readonly StoredCalendarYear[];
  readonly calendar: BusinessCalendar;
}

/**
 * Opens the source. A date in a year the calendar does not cover is judged by weekday alone;
 * the first such date of each year logs one warning per process (not one per settlement), with
 * the last year the calendar knows, so operators learn the bank must add that year.
 */
export async function openCalendarSource(options: CalendarSourceOptions): Promise<CalendarSource> {
  const { store, logger } = options;
  const warned = new Set<number>();
  let coveredThrough: number | null = null;
  const onAssumedYear = (year: number) => {
    if (warned.has(year)) return;
    warned.add(year);
    logger.warn(
      { year, coveredThrough },
      'business calendar: no data for this year; weekdays are assumed to be business days',
    );
  };
  const build = async (): Promise<Snapshot> => {
    const rows = await store.load();
    const calendar = businessCalendarOf(rows.years, { onAssumedYear });
    coveredThrough = lastCoveredYear(calendar);
    return { revision: rows.revision, years: rows.years, calendar };
  };
  let snapshot = await build();
  // Loads run one at a time, so a slow poll never overwrites a newer reload with older rows.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const refresh = () =>
    serial(async () => {
      if ((await store.revision()) === snapshot.revision) return false;
      snapshot = await build();
      return true;
    });
  const timer =
    options.refreshIntervalMs > 0
      ? setInterval(() => {
          refresh().catch((err: unknown) => logger.error({ err }, 'business calendar refresh failed'));
        }, options.refreshIntervalMs)
      : undefined;
  timer?.unref();
  return {
    current: () => snapshot.calendar,
    years: () => snapshot.years,
    reload: () =>
      serial(async () => {
        snapshot = await build();
      }),
    refresh,
    stop: () => clearInterval(timer),
  };
}
