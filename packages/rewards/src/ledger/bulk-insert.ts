import { dialectOf } from '@plaza/kernel';
import { type Kysely, type RawBuilder, sql } from 'kysely';

/** A column of a bulk insert, with the PostgreSQL array type its values travel in. */
export interface BulkColumn<Row> {
  readonly name: keyof Row & string;
  readonly pgType: 'text' | 'int8' | 'int4';
}

// SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32.
const SQLITE_VARIABLES_MAX = 32_766;
// PostgreSQL takes one array parameter per column whatever the row count; this only bounds one
// statement's size (and the memory of its text form).
const POSTGRES_ROWS_PER_STATEMENT = 10_000;

/**
 * Inserts many rows with few statements: on PostgreSQL one `insert … select * from unnest(…)`
 * per 10,000 rows (one array parameter per column, far below the 65,535-parameter limit and
 * about twice as fast as multi-row VALUES here); on SQLite multi-row VALUES chunked under its
 * 32,766-variable limit. `suffix` is appended as is (an `on conflict` clause).
 */
export async function bulkInsert<DB, Row extends object>(
  db: Kysely<DB>,
  table: string,
  columns: readonly BulkColumn<Row>[],
  rows: readonly Row[],
  suffix: RawBuilder<unknown> = sql``,
): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const value = (row: Row, column: BulkColumn<Row>): unknown => row[column.name];
  if (dialectOf(db) === 'postgres') {
    for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + POSTGRES_ROWS_PER_STATEMENT);
      const arrays = columns.map(
        (c) => sql`${chunk.map((row) => value(row, c))}::${sql.raw(c.pgType)}[]`,
      );
      await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)}) ${suffix}`.execute(
        db,
      );
    }
    return;
  }
  const perStatement = Math.floor(SQLITE_VARIABLES_MAX / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const tuples = chunk.map((row) => sql`(${sql.join(columns.map((c) => value(row, c)))})`);
    await sql`insert into ${sql.table(table)} (${names}) values ${sql.join(tuples)} ${suffix}`.execute(db);
  }
}
