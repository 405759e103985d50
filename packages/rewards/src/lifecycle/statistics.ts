/** Events after which a process first refreshes the statistics; then after ten times as many, and so on. */
export const FIRST_REFRESH_EVENTS = 5_000;

/**
 * Keeps PostgreSQL's planner statistics of the points tables current while events pour in.
 *
 * Why: a bulk import grows the tables far faster than autovacuum re-analyzes them (and it may be
 * off: it is on the machine the benchmarks run on). With the statistics of near-empty tables the
 * planner answers `transaction_id = any(…)` or a partial-index lookup by scanning the whole
 * table, measured at 180–230 ms per batch at 300,000 events instead of under 1 ms. The ratios
 * the statistics keep (distinct values per row) hold as a table grows, so refreshing at
 * 5,000, 50,000, 500,000… events is enough, and costs a few ANALYZE runs per million events.
 * @returns a function to call with the number of events each committed batch took in
 */
export function statisticsKeeper(refresh: () => Promise<void>): (events: number) => Promise<void> {
  let seen = 0;
  let next = FIRST_REFRESH_EVENTS;
  return async (events) => {
    seen += events;
    if (seen < next) return;
    next = seen * 10;
    await refresh();
  };
}
