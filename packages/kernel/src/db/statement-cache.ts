import type { Database as BetterSqlite, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Prepared statements kept per SQLite connection; a request uses a few dozen distinct ones. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 behind Kysely's `SqliteDatabase`, keeping prepared statements by SQL text.
 * Kysely's SQLite driver prepares every query anew, and preparing (parsing and planning) cost
 * more main-thread time than running the statements in the demo seed. A statement survives
 * schema changes: SQLite re-prepares it on its next step when the schema moved.
 *
 * Bounded: the least recently used statement is dropped past `maxStatements` (queries with
 * `in (?, ?, …)` lists of every length would otherwise grow the cache without end).
 */
export class CachingSqliteDatabase implements SqliteDatabase {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly sqlite: BetterSqlite,
    private readonly maxStatements = STATEMENT_CACHE_SIZE,
  ) {
    if (!(maxStatements >= 1)) throw new RangeError(`maxStatements must be at least 1, got ${maxStatements}`);
  }

  prepare(sql: string): SqliteStatement {
    const cached = this.statements.get(sql);
    // A statement still being iterated (a stream not yet finished) cannot run again until it
    // ends; the query gets a statement of its own and the cached one stays for later.
    if (cached?.busy) return this.sqlite.prepare(sql);
    if (cached) {
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.sqlite.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.maxStatements) {
      const oldest = this.statements.keys().next().value as string;
      this.statements.delete(oldest);
    }
    return statement;
  }

  /** Statements kept now (for tests and metrics). */
  get size(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.sqlite.close();
  }
}
