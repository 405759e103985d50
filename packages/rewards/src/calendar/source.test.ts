import type { Logger } from '@plaza/kernel';
import { describe, expect, it } from 'vitest';
import { TW_CALENDAR_YEARS } from '../program/tw-business-calendar.ts';
import { nthBusinessDayAfter } from './business-days.ts';
import { openCalendarSource } from './source.ts';
import type { CalendarRows, CalendarStore } from './store.ts';
import { addDays } from './taipei-date.ts';

/** A store that counts its reads: the source may read it only to build and to poll. */
function countingStore(rows: CalendarRows) {
  const reads = { load: 0, revision: 0 };
  const store = {
    async load() {
      reads.load += 1;
      return rows;
    },
    async revision() {
      reads.revision += 1;
      return rows.revision;
    },
  };
  // The source reads only these two; the rest of the store is SQL this test has no use for.
  return { reads, store: store as unknown as CalendarStore, rows };
}

function capturingLogger() {
  const warnings: { year: number; coveredThrough: number | null }[] = [];
  const logger = {
    warn: (fields: { year: number; coveredThrough: number | null }) => warnings.push(fields),
    error: () => undefined,
  };
  // Only warn and error are called; a whole pino logger is not needed to see them.
  return { warnings, logger: logger as unknown as Logger };
}

const shipped = (revision: number): CalendarRows => ({
  revision,
  years: TW_CALENDAR_YEARS.map((y) => ({ ...y, updatedAt: 0, updatedBy: null })),
});

describe('the stored calendar in memory', () => {
  it('judges any number of days without reading the store again', async () => {
    const { reads, store } = countingStore(shipped(1));
    const { logger } = capturingLogger();
    const source = await openCalendarSource({ store, logger, refreshIntervalMs: 0 });
    const after = { ...reads };
    // A bulk import: 10,000 settlements across two years, each asking for its availability date.
    for (let i = 0; i < 10_000; i++) nthBusinessDayAfter(addDays('2026-01-01', i % 700), 2, source.current());
    expect(reads).toEqual(after);
    expect(nthBusinessDayAfter('2027-02-03', 2, source.current())).toBe('2027-02-12'); // 春節 2027
  });

  it('rebuilds only when the revision moved, and serves the same object until then', async () => {
    const { reads, store, rows } = countingStore(shipped(1));
    const { logger } = capturingLogger();
    const source = await openCalendarSource({ store, logger, refreshIntervalMs: 0 });
    const first = source.current();
    expect(await source.refresh()).toBe(false);
    expect(source.current()).toBe(first);
    expect(reads.load).toBe(1);
    rows.revision = 2;
    expect(await source.refresh()).toBe(true);
    expect(source.current()).not.toBe(first);
    expect(reads.load).toBe(2);
  });

  it('logs one warning per year it does not cover, per process, across rebuilds', async () => {
    const { store, rows } = countingStore(shipped(1));
    const { warnings, logger } = capturingLogger();
    const source = await openCalendarSource({ store, logger, refreshIntervalMs: 0 });
    for (const date of ['2028-01-03', '2028-06-01', '2029-01-02', '2028-12-29']) source.current().judge(date);
    rows.revision = 2;
    await source.refresh();
    source.current().judge('2028-03-01');
    expect(warnings).toEqual([
      { year: 2028, coveredThrough: 2027 },
      { year: 2029, coveredThrough: 2027 },
    ]);
    expect(source.current().judge('2026-12-25')).toEqual({ businessDay: false, assumed: false });
  });
});
