import { dialectOf } from '@plaza/kernel';
import { type Kysely, type RawBuilder, sql } from 'kysely';

/** A column of a bulk insert. */
export interface BulkColumn<Row> {
  readonly name: keyof Row & string;
  /**
   * The value is a JSON value (object, array) or null, stored as its JSON text. PostgreSQL
   * receives it nested in the statement's JSON (`json_populate_recordset` stores a nested value's
   * text in a text column), so it is serialized once, never escaped as a string inside a string.
   */
  readonly json?: boolean;
}

// SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32.
const SQLITE_VARIABLES_MAX = 32_766;
// PostgreSQL gets one JSON parameter per statement whatever the row count; this only bounds one
// statement's size (and the memory of its text form).
const POSTGRES_ROWS_PER_STATEMENT = 10_000;

function sqliteValue<Row>(value: unknown, column: BulkColumn<Row>): unknown {
  return column.json && value !== null && value !== undefined ? JSON.stringify(value) : value;
}

/**
 * Inserts many rows with few statements. On PostgreSQL: one `insert … select … from
 * json_populate_recordset(null::table, $1)` per 10,000 rows, a single parameter far below the
 * 65,535-parameter limit; measured here it is as fast as `unnest` arrays for narrow rows and
 * about 2.5 times faster for rows carrying JSON text (array literals must escape every quote).
 * On SQLite: multi-row VALUES chunked under its 32,766-variable limit. `suffix` is appended as
 * is (an `on conflict` clause).
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
  if (dialectOf(db) === 'postgres') {
    for (let start = 0; start < rows.length; start += POSTGRES_ROWS_PER_STATEMENT) {
      // Rows hold exactly the columns as keys: one native serialization does the whole chunk.
      const json = JSON.stringify(rows.slice(start, start + POSTGRES_ROWS_PER_STATEMENT));
      await sql`insert into ${sql.table(table)} (${names})
        select ${names} from json_populate_recordset(null::${sql.table(table)}, ${json}::json) ${suffix}`.execute(
        db,
      );
    }
    return;
  }
  const perStatement = Math.floor(SQLITE_VARIABLES_MAX / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const tuples = chunk.map((row) => sql`(${sql.join(columns.map((c) => sqliteValue(row[c.name], c)))})`);
    await sql`insert into ${sql.table(table)} (${names}) values ${sql.join(tuples)} ${suffix}`.execute(db);
  }
}
