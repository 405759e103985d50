import SqliteDatabase from 'better-sqlite3';
import { type Generated, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CachingSqliteDatabase } from './statement-cache.ts';

interface Tables {
  item: { id: Generated<number>; name: string; extra?: string | null };
}

const open: Kysely<Tables>[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
});

/** A Kysely over an in-memory database, with the raw connection's `prepare` counted. */
function kyselyOver(cache: boolean, maxStatements?: number) {
  const sqlite = new SqliteDatabase(':memory:');
  const prepare = vi.spyOn(sqlite, 'prepare');
  const caching = cache ? new CachingSqliteDatabase(sqlite, maxStatements) : undefined;
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: caching ?? sqlite }) });
  open.push(db);
  return { db, sqlite, prepare, caching };
}

async function workload(db: Kysely<Tables>) {
  await db.schema
    .createTable('item')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .execute();
  const inserted = [];
  for (const name of ['a', 'b', 'c', 'b'])
    inserted.push(await db.insertInto('item').values({ name }).executeTakeFirst());
  const updated = await db.updateTable('item').set({ name: 'z' }).where('name', '=', 'b').executeTakeFirst();
  const deleted = await db.deleteFrom('item').where('id', '=', 1).executeTakeFirst();
  const rows = await db.selectFrom('item').selectAll().orderBy('id').execute();
  const one = await db.selectFrom('item').select('name').where('id', '=', 3).executeTakeFirst();
  const none = await db.selectFrom('item').select('name').where('id', '=', 99).executeTakeFirst();
  return { inserted, updated, deleted, rows, one, none };
}

describe('CachingSqliteDatabase', () => {
  it('gives Kysely the same results as preparing every statement anew, preparing each text once', async () => {
    const plain = kyselyOver(false);
    const cached = kyselyOver(true);
    const expected = await workload(plain.db);
    expect(await workload(cached.db)).toEqual(expected);
    expect(expected.rows).toEqual([
      { id: 2, name: 'z' },
      { id: 3, name: 'c' },
      { id: 4, name: 'z' },
    ]);
    // Four inserts and three selects by id share statements when cached, not when plain.
    const texts = new Set(cached.prepare.mock.calls.map(([text]) => text));
    expect(cached.prepare).toHaveBeenCalledTimes(texts.size);
    expect(plain.prepare.mock.calls.length).toBeGreaterThan(texts.size);
  });

  it('keeps at most maxStatements, dropping the least recently used', () => {
    const { sqlite, caching, prepare } = kyselyOver(true, 2);
    const cache = caching!;
    const a = cache.prepare('select 1');
    cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(a); // used again: now the most recent
    cache.prepare('select 3'); // drops 'select 2'
    expect(cache.size).toBe(2);
    expect(cache.prepare('select 1')).toBe(a);
    prepare.mockClear();
    cache.prepare('select 2');
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(2);
    expect(() => new CachingSqliteDatabase(sqlite, 0)).toThrow(RangeError);
  });

  it('runs a kept statement correctly after the schema changed under it', async () => {
    const { db, caching } = kyselyOver(true);
    await db.schema
      .createTable('item')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .execute();
    await db.insertInto('item').values({ id: 1, name: 'a' }).execute();
    const all = () => db.selectFrom('item').selectAll().execute();
    expect(await all()).toEqual([{ id: 1, name: 'a' }]);

    await sql`alter table item add column extra text default 'x'`.execute(db);
    expect(await all()).toEqual([{ id: 1, name: 'a', extra: 'x' }]);

    await db.schema.dropTable('item').execute();
    await expect(all()).rejects.toThrow(/no such table: item/);
    await db.schema.createTable('item').addColumn('name', 'text').addColumn('id', 'integer').execute();
    await db.insertInto('item').values({ id: 7, name: 'b' }).execute();
    expect(await all()).toEqual([{ name: 'b', id: 7 }]);
    expect(caching!.size).toBeGreaterThan(0);
  });

  it('serves a streamed query again after its stream ended early', async () => {
    const { db } = kyselyOver(true);
    await db.schema
      .createTable('item')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .execute();
    await db
      .insertInto('item')
      .values([
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ])
      .execute();
    const query = () => db.selectFrom('item').selectAll().orderBy('id');
    for await (const row of query().stream()) {
      expect(row).toEqual({ id: 1, name: 'a' });
      break;
    }
    expect(await query().execute()).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
  });

  it('gives a query its own statement while the kept one is still being iterated', () => {
    const { caching } = kyselyOver(true);
    const cache = caching!;
    const text = 'select value from json_each(?)';
    const kept = cache.prepare(text);
    const rows = kept.iterate(['[1,2]']);
    expect(rows.next().value).toEqual({ value: 1 });
    const other = cache.prepare(text);
    expect(other).not.toBe(kept);
    expect(other.all(['[3]'])).toEqual([{ value: 3 }]);
    expect(rows.next().value).toEqual({ value: 2 });
    expect(rows.next().done).toBe(true);
    expect(cache.prepare(text)).toBe(kept);
  });

  it('forgets its statements and closes the connection on destroy', async () => {
    const { db, sqlite, caching } = kyselyOver(true);
    await sql`select 1`.execute(db);
    expect(caching!.size).toBe(1);
    open.splice(open.indexOf(db), 1);
    await db.destroy();
    expect(caching!.size).toBe(0);
    expect(sqlite.open).toBe(false);
  });
});
