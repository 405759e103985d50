/**
 * Bound on account ids inlined into one SQL `not in (…)`: both engines cap bound parameters
 * (SQLite at 32,766). Past the bound the rest are filtered after the query, so a page for an
 * account with very many blocks can come back short, never wrong: cursors come from raw rows.
 */
export const HIDDEN_IN_SQL_MAX = 500;

export function hiddenForSql(hidden: ReadonlySet<string>): string[] {
  return [...hidden].slice(0, HIDDEN_IN_SQL_MAX);
}
