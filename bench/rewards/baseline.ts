import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { COLUMNS } from '../../packages/rewards/src/import/columns.ts';
import { splitCsvRecord } from '../../packages/rewards/src/import/csv-fields.ts';
import { readLines } from '../../packages/rewards/src/import/line-reader.ts';
import type { Db } from '../community/database.ts';

/**
 * The baseline the import is compared with: the same file read by the same line reader and
 * CSV splitter, its rows inserted as they are into a plain table of the same width (16
 * columns, a primary key on the event id), in batches of the same size, one transaction per
 * batch, with the durability the server runs with (SQLite WAL + synchronous=NORMAL as the
 * kernel opens it; PostgreSQL's default synchronous_commit). The ratio import/baseline is
 * what the rules (cards, plans, points, ledger) cost over merely storing the rows.
 */
export interface BaselineResult {
  rows: number;
  seconds: number;
}

const TABLE = 'bench_plain_settlements';
type Cell = string | number | null;
const INT_COLUMNS = new Set(['amount', 'billed_amount_twd', 'installment_count', 'installment_index']);
const TIME_COLUMNS = new Set(['transaction_at', 'settled_at']);

function pgType(column: string): string {
  if (INT_COLUMNS.has(column) || TIME_COLUMNS.has(column)) return 'int8';
  return 'text';
}

/** A CSV row as the table stores it: integers as numbers, times as epoch ms, empty as null. */
function toCells(fields: readonly string[]): Cell[] {
  return COLUMNS.map((column, i) => {
    const value = fields[i] ?? '';
    if (value === '') return null;
    if (INT_COLUMNS.has(column)) return Number(value);
    if (TIME_COLUMNS.has(column)) return Date.parse(value);
    return value;
  });
}

const createTable = `create table ${TABLE} (${COLUMNS.map(
  (c) => `${c} ${pgType(c) === 'int8' ? 'bigint' : 'varchar(200)'}${c === 'id' ? ' primary key' : ''}`,
).join(', ')})`;

interface Writer {
  write(rows: Cell[][]): Promise<void>;
  close(): Promise<void>;
}

function sqliteWriter(file: string): Writer {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(createTable);
  const insert = db.prepare(`insert into ${TABLE} values (${COLUMNS.map(() => '?').join(', ')})`);
  const insertAll = db.transaction((rows: Cell[][]) => {
    for (const row of rows) insert.run(row);
  });
  return {
    write: async (rows) => {
      insertAll(rows);
    },
    close: async () => {
      db.exec(`drop table ${TABLE}`);
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(createTable);
  const arrays = COLUMNS.map((c, i) => `$${i + 1}::${pgType(c)}[]`).join(', ');
  const statement = `insert into ${TABLE} select * from unnest(${arrays})`;
  return {
    write: async (rows) => {
      await client.query(
        statement,
        COLUMNS.map((_, i) => rows.map((row) => row[i])),
      );
    },
    close: async () => {
      await client.query(`drop table ${TABLE}`);
      await client.end();
    },
  };
}

/** Reads `file` (in COLUMNS order, as the generator writes it) into the plain table; times the whole. */
export async function plainInsert(
  db: Db,
  url: string,
  file: string,
  batchSize: number,
): Promise<BaselineResult> {
  const writer = db === 'sqlite' ? sqliteWriter(url.slice('sqlite:'.length)) : await postgresWriter(url);
  const started = performance.now();
  let rows = 0;
  let batch: Cell[][] = [];
  let header = true;
  try {
    for await (const lines of readLines(file, { maxLineBytes: 8 * 1024 })) {
      for (const line of lines) {
        if (header || !line.bytes || line.bytes.length === 0) {
          header = false;
          continue;
        }
        const split = splitCsvRecord(line.bytes.toString('utf8'));
        if (!split.ok) continue;
        batch.push(toCells(split.fields));
        if (batch.length >= batchSize) {
          await writer.write(batch);
          rows += batch.length;
          batch = [];
        }
      }
    }
    if (batch.length > 0) await writer.write(batch);
    rows += batch.length;
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await writer.close();
  }
}
