import type { Logger } from '@plaza/kernel';
import type { BusinessCalendar } from '../calendar/business-days.ts';
import type { CalendarSource } from '../calendar/source.ts';
import type { ProgramSource } from '../contracts.ts';
import { type Catalog, programOf } from './catalog.ts';
import { checkProgram } from './check.ts';
import { catalogOf } from './codec.ts';
import type { ProgramStore } from './store.ts';
import type { Program } from './types.ts';

/** The program source backed by the bank's tables. */
export interface StoredProgramSource extends ProgramSource {
  /** The catalog behind the current snapshot (drafts and schedule included), for the admin views. */
  catalog(): Catalog;
  /** The business calendar the program is served with: kept in memory, rebuilt on the bank's edits. */
  readonly calendar: CalendarSource;
  /** Rebuilds the snapshot from the tables now: after an admin change made in this process. */
  reload(): Promise<void>;
  /** Rebuilds when the revision moved (another process changed the program); true when it did. */
  refresh(): Promise<boolean>;
  /** Stops the periodic refresh. */
  stop(): void;
}

export interface ProgramSourceOptions {
  store: ProgramStore;
  calendar: CalendarSource;
  logger: Logger;
  /** How often to poll the revision for other processes' changes; 0 turns polling off. */
  refreshIntervalMs: number;
}

interface Snapshot {
  readonly catalog: Catalog;
  readonly program: Program;
}

async function build(store: ProgramStore, calendar: BusinessCalendar): Promise<Snapshot> {
  const rows = await store.load();
  if (!rows) throw new Error('The rewards program tables are empty; seed them before serving.');
  const catalog = catalogOf(rows, calendar);
  const program = programOf(catalog);
  const issues = checkProgram(program);
  if (issues.length > 0) {
    const list = issues.map((i) => `${i.field} ${i.message}`).join('; ');
    throw new Error(`The stored rewards program fails its check (revision ${catalog.revision}): ${list}`);
  }
  return { catalog, program };
}

/**
 * Opens the source: loads and checks the program once (a failure stops the start), then serves
 * that snapshot without I/O. A later snapshot that fails the check (rows edited by hand) is
 * logged and not served: the last good one stays.
 */
export async function openProgramSource(options: ProgramSourceOptions): Promise<StoredProgramSource> {
  const { store, logger, calendar } = options;
  let snapshot = await build(store, calendar.current());
  // Loads run one at a time, so a slow poll never overwrites a newer reload with older rows.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const rebuild = async () => {
    snapshot = await build(store, calendar.current());
  };
  /** The snapshot with the calendar now served: replaced without I/O after the calendar changed. */
  const current = (): Snapshot => {
    const now = calendar.current();
    const served = snapshot.program.settings.businessCalendar;
    if (served !== now) snapshot = withCalendar(snapshot, now);
    return snapshot;
  };
  const refresh = () =>
    serial(async () => {
      const revision = await store.revision();
      if (revision === null || revision === snapshot.catalog.revision) return false;
      await rebuild();
      return true;
    });

  const timer =
    options.refreshIntervalMs > 0
      ? setInterval(() => {
          refresh().catch((err: unknown) => logger.error({ err }, 'rewards program refresh failed'));
        }, options.refreshIntervalMs)
      : undefined;
  timer?.unref();

  return {
    current: () => current().program,
    catalog: () => current().catalog,
    calendar,
    reload: () => serial(rebuild),
    refresh,
    stop: () => {
      clearInterval(timer);
      calendar.stop();
    },
  };
}

function withCalendar(snapshot: Snapshot, calendar: BusinessCalendar): Snapshot {
  const settings = { ...snapshot.catalog.settings, businessCalendar: calendar };
  return {
    catalog: { ...snapshot.catalog, settings },
    program: { ...snapshot.program, settings },
  };
}
