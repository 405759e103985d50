import { dialectOf } from '@plaza/kernel';
import { type Kysely, sql } from 'kysely';
import { POINTS_TABLE_NAMES } from './db.ts';
import type { StatisticsSource, TableChanges } from './statistics.ts';

/**
 * The points tables' change counts and ANALYZE, on PostgreSQL; SQLite keeps no statistics the
 * ingestor's reads depend on, so there it reports nothing. Names resolve through the search path,
 * as the stores' statements do.
 */
export function plannerStatistics<DB>(db: Kysely<DB>, onError: (err: unknown) => void): StatisticsSource {
  const postgres = dialectOf(db) === 'postgres';
  return {
    async changes(): Promise<TableChanges[]> {
      if (!postgres) return [];
      const result = await sql<{ table: string; changed: string; rows: number }>`
        select c.relname as table, s.n_mod_since_analyze as changed, c.reltuples as rows
        from pg_class c join pg_stat_user_tables s on s.relid = c.oid
        where c.oid in (${sql.join(POINTS_TABLE_NAMES.map((t) => sql`to_regclass(${t})`))})`.execute(db);
      return result.rows.map((r) => ({ table: r.table, changed: Number(r.changed), rows: Number(r.rows) }));
    },
    async analyze(tables) {
      const known = tables.filter((t): t is (typeof POINTS_TABLE_NAMES)[number] =>
        (POINTS_TABLE_NAMES as readonly string[]).includes(t),
      );
      if (known.length > 0) await sql`analyze ${sql.join(known.map((t) => sql.table(t)))}`.execute(db);
    },
    onError,
  };
}
