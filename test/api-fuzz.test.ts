import { createHash } from 'node:crypto';
import { communityProduct } from '@plaza/community';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { rewardsProduct } from '@plaza/rewards';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Drives random bad input at every route the OpenAPI document lists: malformed JSON, wrong
 * types, missing and unknown fields, huge strings, invalid UTF-8, emoji and zero-width
 * characters, SQL- and HTML-looking text. Every answer must be < 500 and, when refused, a
 * problem+json that changed no row anywhere (every table's contents compared, not only counts).
 */
interface Route {
  method: string;
  url: string;
}

const NASTY_STRINGS = [
  "' OR 1=1 --",
  'Robert"); DROP TABLE notes;--',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u200b\u200c\u200d\ufeff',
  '🙂👍🏽👨‍👩‍👧‍👦',
  '\u0000\u0001\u001f',
  '台灣美食 NEAR( "*" -',
  'a'.repeat(10_000),
  '%00%ff',
  '../../etc/passwd',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const anyJson = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 20 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 5 }),
);
const FIELDS = [
  'title',
  'body',
  'mediaIds',
  'topics',
  'status',
  'handle',
  'email',
  'password',
  'language',
  'login',
  'name',
  'parentId',
  'displayName',
  'bio',
  'collectionId',
  'private',
  'upTo',
  '__proto__',
  'constructor',
];
const badObject = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), nastyString), anyJson, { maxKeys: 8 });

const rawBody = fc.oneof(
  fc.constant('{"title":'),
  fc.constant('not json at all'),
  fc.constant(''),
  fc.constant('[]'),
  fc.constant('null'),
  fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes) =>
      Buffer.concat([
        Buffer.from('{"title":"'),
        Buffer.from(bytes),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]),
    ),
  fc.oneof(badObject, anyJson).map((v) => JSON.stringify(v) ?? 'null'),
);

const pathValue = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    '00000000-0000-7000-8000-000000000000',
    'admin',
    'nobody',
    '%20',
    'x'.repeat(300),
    "1' or '1'='1",
    '..%2f..%2f',
  ),
  fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
);
const queryString = fc
  .dictionary(
    fc.constantFrom('q', 'type', 'cursor', 'limit', 'upTo', 'junk'),
    nastyString.map((s) => s.slice(0, 300)),
    { maxKeys: 4 },
  )
  .map((q) => new URLSearchParams(q).toString());

function routesOf(server: TestServer): Route[] {
  const doc = server.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const routes: Route[] = [];
  for (const [url, methods] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(methods)) routes.push({ method: method.toUpperCase(), url });
  }
  return routes;
}

/**
 * Tables that change by themselves or by design on any request: claimed idempotency keys,
 * sessions (touched when used), the outbox (swept), migrations' bookkeeping, and the full-text
 * engines' internal tables (derived from `search_documents`, which is compared).
 */
function isCompared(table: string): boolean {
  if (['idempotency_keys', 'sessions', 'outbox'].includes(table)) return false;
  return !table.startsWith('kysely_') && !table.startsWith('sqlite_') && !table.includes('_fts');
}

async function comparedTables(server: TestServer): Promise<string[]> {
  const db = server.platform.database.db;
  const names =
    server.platform.dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  return names.rows.map((t) => t.name).filter(isCompared);
}

/**
 * A digest of every row of every table of this suite (its own PostgreSQL schema, or its
 * SQLite database), so a refusal that changed a value, not only a count, shows. PostgreSQL
 * hashes each table's rows (as text, sorted) itself, all tables in one statement.
 */
async function contentDigest(server: TestServer, tables: string[]): Promise<Record<string, string>> {
  const db = server.platform.database.db;
  if (server.platform.dialect === 'postgres') {
    const perTable = tables.map(
      (
        name,
      ) => sql`select ${sql.lit(name)}::text as name, count(*) || ':' || md5(coalesce(string_agg(t::text, chr(10)
        order by t::text), '')) as digest from ${sql.table(name)} t`,
    );
    const rows = await sql<{ name: string; digest: string }>`${sql.join(perTable, sql` union all `)}`.execute(
      db,
    );
    return Object.fromEntries(rows.rows.map((r) => [r.name, r.digest]));
  }
  const digests: Record<string, string> = {};
  for (const name of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    // Rows in no particular order: hash them sorted, each with its columns sorted.
    const lines = rows.rows.map((row) =>
      JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : 1))),
    );
    digests[name] = `${lines.length}:${createHash('sha256').update(lines.sort().join('\n')).digest('hex')}`;
  }
  return digests;
}

describe.each(testDatabases())('bad input at every route on $name', (target) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct(), rewardsProduct()], {
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '100000',
      PLAZA_LOGIN_PER_IP_PER_MINUTE: '100000',
    });
    token = (await signUpForTest(server.app, 'fuzz_target')).token;
  });
  afterAll(() => server.close());

  const signIn = async () => {
    const session = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 'fuzz_target', password: 'correct horse battery' },
    });
    expect(session.statusCode, session.body).toBe(201);
    return (session.json() as { token: string }).token;
  };

  it('never answers 500, and a refusal writes nothing', async () => {
    const routes = routesOf(server).filter((r) => r.url.startsWith('/api/'));
    const tables = await comparedTables(server);
    expect(tables).toContain('accounts');
    expect(routes.length).toBeGreaterThan(3);
    // The rows as they stand, taken again after every request: one digest per request, not two.
    let current = await contentDigest(server, tables);
    for (const route of routes) {
      // A fresh session per route: a fuzzed DELETE /sessions/current signs the last one out,
      // and every signed-in request after it would be refused at the door, testing nothing.
      token = await signIn();
      current = await contentDigest(server, tables);
      await fc.assert(
        fc.asyncProperty(
          pathValue,
          queryString,
          rawBody,
          fc.boolean(),
          async (param, query, body, signedIn) => {
            const url = route.url.replace(/\{[^}]+\}/g, param) + (query ? `?${query}` : '');
            const before = current;
            const response = await server.app.inject({
              method: route.method as 'GET',
              url,
              headers: { 'content-type': 'application/json', ...(signedIn ? bearer(token) : {}) },
              ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { payload: body }),
            });
            const where = `${route.method} ${url} -> ${response.statusCode} ${response.body.slice(0, 300)}`;
            current = await contentDigest(server, tables);
            expect(response.statusCode, where).toBeLessThan(500);
            if (response.statusCode >= 400) {
              expect(response.headers['content-type'], where).toContain('application/problem+json');
              expect(current, where).toEqual(before);
            }
          },
        ),
        { numRuns: 25 },
      );
    }
  }, 600_000);
});
