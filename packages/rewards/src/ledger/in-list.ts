import type { Dialect } from '@plaza/kernel';
import { type RawBuilder, sql } from 'kysely';

/**
 * `column in (…values)` for the set-based reads of a batch. PostgreSQL gets one array parameter
 * (`= any($1)`): a 5,000-id list then costs one bind instead of 5,000, measured a third faster
 * here. SQLite gets the plain list (batches stay under its 32,766-variable limit).
 */
export function inList(dialect: Dialect, column: string, values: readonly string[]): RawBuilder<boolean> {
  return dialect === 'postgres'
    ? sql<boolean>`${sql.ref(column)} = any(${values}::text[])`
    : sql<boolean>`${sql.ref(column)} in (${sql.join(values)})`;
}
