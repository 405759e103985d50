/** Events between two looks at how far the points tables have grown since their statistics. */
export const CHECK_EVERY_EVENTS = 5_000;
/** A table changed by fewer rows than this is never re-analyzed on its own account. */
export const MIN_CHANGED_ROWS = 1_000;

/** What PostgreSQL counts of a table: rows changed since its last ANALYZE, rows it had then. */
export interface TableChanges {
  readonly table: string;
  readonly changed: number;
  /** `pg_class.reltuples`: -1 before the first ANALYZE or VACUUM. */
  readonly rows: number;
}

/**
 * The tables whose statistics describe less than half of them: more rows changed since the last
 * ANALYZE than the table had then (and at least `MIN_CHANGED_ROWS`). A table growing from 0 to
 * 1,000,000 rows is analyzed about ten times, mostly while small.
 */
export function staleTables(tables: readonly TableChanges[]): string[] {
  return tables
    .filter((t) => t.changed >= MIN_CHANGED_ROWS && t.changed > Math.max(0, t.rows))
    .map((t) => t.table);
}

export interface StatisticsSource {
  /** The points tables' change counts; none where the database keeps no planner statistics. */
  changes(): Promise<TableChanges[]>;
  analyze(tables: readonly string[]): Promise<void>;
  onError(err: unknown): void;
}

/**
 * Keeps PostgreSQL's planner statistics of the points tables current while events pour in.
 *
 * Why: a bulk import grows the tables far faster than autovacuum re-analyzes them (and it may be
 * off: it is on the machine the benchmarks run on). With the statistics of near-empty tables the
 * planner answers `transaction_id = any(…)` or a partial-index lookup by scanning the whole
 * table, measured at 180–230 ms per batch at 300,000 events instead of under 1 ms.
 *
 * PostgreSQL counts every table's changes since its last ANALYZE, whoever made them, so a new
 * process does not re-analyze fresh tables. The check and the ANALYZE run in the background, one
 * at a time, on a connection of their own: ANALYZE's lock does not block inserts, and no writer
 * (an import batch, an API request) waits for it.
 */
export function statisticsKeeper(source: StatisticsSource) {
  let sinceCheck = 0;
  let running: Promise<void> | null = null;

  async function refresh(): Promise<void> {
    const stale = staleTables(await source.changes());
    if (stale.length > 0) await source.analyze(stale);
  }

  return {
    /** Counts a committed batch's events; past `CHECK_EVERY_EVENTS`, starts a check unless one runs. */
    afterBatch(events: number): void {
      sinceCheck += events;
      if (sinceCheck < CHECK_EVERY_EVENTS || running !== null) return;
      sinceCheck = 0;
      running = refresh()
        .catch(source.onError)
        .finally(() => {
          running = null;
        });
    },
    /** Resolves when no check or ANALYZE is running. */
    idle(): Promise<void> {
      return running ?? Promise.resolve();
    },
  };
}
