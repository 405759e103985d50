import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/** A column and the PostgreSQL array type its values travel in (see `unnest` below). */
export interface Column {
  name: string;
  type: 'text' | 'int8' | 'int4';
}

export type Cell = string | number | null;

/** Rows of one table, written in batches; `push` resolves once a full batch is stored. */
export interface Sink {
  push(row: Cell[]): Promise<void>;
  end(): Promise<void>;
}

/** Bulk writes straight into a database, one transaction per batch. */
export interface BulkTarget {
  dialect: 'sqlite' | 'postgres';
  sink(table: string, columns: Column[]): Sink;
  exec(statement: string): Promise<void>;
  /**
   * The table's secondary indexes, exactly as the migrations created them (read back from
   * the catalog): dropped before a bulk load and recreated after it, because building an
   * index once from sorted data is far faster than updating it row by row.
   */
  secondaryIndexes(table: string): Promise<{ name: string; definition: string }[]>;
  close(): Promise<void>;
}

/** Runs `load` with the table's secondary indexes dropped, then rebuilds them. */
export async function withoutIndexes<T>(
  target: BulkTarget,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  const indexes = await target.secondaryIndexes(table);
  for (const index of indexes) await target.exec(`drop index ${index.name}`);
  const result = await load();
  for (const index of indexes) await target.exec(index.definition);
  return result;
}

const SQLITE_BATCH_ROWS = 10_000;
// One parameter per column whatever the batch size, so batches can be large; 5,000 rows of
// unnest measured about 166k rows/s here (research note perf-anchors §1b).
const POSTGRES_BATCH_ROWS = 5_000;

function batching(size: number, write: (rows: Cell[][]) => Promise<void>): Sink {
  let rows: Cell[][] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const batch = rows;
    rows = [];
    await write(batch);
  };
  return {
    async push(row) {
      rows.push(row);
      if (rows.length >= size) await flush();
    },
    end: flush,
  };
}

/** SQLite: a prepared INSERT run over each batch inside one transaction. */
export function sqliteTarget(file: string): BulkTarget {
  const db = new SqliteDatabase(file);
  // Loading only: a crash mid-load leaves a database the benchmark throws away anyway.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  return {
    dialect: 'sqlite',
    sink(table, columns) {
      const statement = db.prepare(
        `insert into ${table} (${columns.map((c) => c.name).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      const insertAll = db.transaction((rows: Cell[][]) => {
        for (const row of rows) statement.run(row);
      });
      return batching(SQLITE_BATCH_ROWS, async (rows) => {
        insertAll(rows);
      });
    },
    exec: async (statement) => {
      db.exec(statement);
    },
    // Indexes SQLite makes for keys have no SQL; they stay.
    secondaryIndexes: async (table) =>
      db
        .prepare<[string], { name: string; definition: string }>(
          "select name, sql as definition from sqlite_master where type = 'index' and tbl_name = ? and sql is not null",
        )
        .all(table),
    close: async () => {
      // The server starts on a folded-in, empty write-ahead log.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

/**
 * PostgreSQL: `insert … select * from unnest($1::text[], $2::int8[], …)`, one array per
 * column, a COPY-like load through plain queries.
 */
export async function postgresTarget(url: string): Promise<BulkTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Loading only: the rows are regenerated if the machine crashes, so skip the WAL flush wait.
  await client.query('set synchronous_commit = off');
  return {
    dialect: 'postgres',
    sink(table, columns) {
      const names = columns.map((c) => c.name).join(', ');
      const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
      const statement = `insert into ${table} (${names}) select * from unnest(${arrays})`;
      return batching(POSTGRES_BATCH_ROWS, async (rows) => {
        await client.query(
          statement,
          columns.map((_, i) => rows.map((row) => row[i])),
        );
      });
    },
    exec: async (statement) => {
      await client.query(statement);
    },
    // Indexes behind constraints (primary keys, unique) stay: they cannot be dropped alone.
    secondaryIndexes: async (table) =>
      (
        await client.query<{ name: string; definition: string }>(
          `select indexname as name, indexdef as definition from pg_indexes
           where schemaname = current_schema() and tablename = $1
             and indexname not in (select conname from pg_constraint)`,
          [table],
        )
      ).rows,
    close: () => client.end(),
  };
}
