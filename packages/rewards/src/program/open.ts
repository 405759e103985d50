import { type Platform, tables } from '@plaza/kernel';
import { type CalendarSource, openCalendarSource } from '../calendar/source.ts';
import { createCalendarStore, type RewardsCalendarTables } from '../calendar/store.ts';
import { seedProgram } from './seed.ts';
import { openProgramSource, type StoredProgramSource } from './source.ts';
import { createProgramStore, type ProgramStore, type RewardsProgramTables } from './store.ts';
import type { Program } from './types.ts';

/** Polling the revision every few seconds keeps every process within that of an admin change. */
export const PROGRAM_REFRESH_MS = 3_000;

/**
 * The program source of a Plaza process: loads `initial` into the tables when they are empty
 * (the first start on a database), then serves the tables' program with the stored business
 * calendar, both refreshed every `refreshMs` (0: only after this process's own changes).
 */
export async function openStoredProgram(
  platform: Platform,
  initial: Program,
  refreshMs = PROGRAM_REFRESH_MS,
): Promise<{ store: ProgramStore; source: StoredProgramSource; calendar: CalendarSource }> {
  const store = createProgramStore(tables<RewardsProgramTables>(platform));
  if ((await store.revision()) === null)
    await seedProgram(store, initial, platform.clock.nowMs(), platform.ids);
  const calendar = await openCalendarSource({
    store: createCalendarStore(tables<RewardsCalendarTables>(platform)),
    logger: platform.logger,
    refreshIntervalMs: refreshMs,
  });
  const source = await openProgramSource({
    store,
    calendar,
    logger: platform.logger,
    refreshIntervalMs: refreshMs,
  });
  return { store, source, calendar };
}
