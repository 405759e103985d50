import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ManualClock } from '../clock.ts';
import { type Config, loadConfig } from '../config.ts';
import type { PlazaApp } from '../http/app.ts';
import { createLogger } from '../logger.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { buildServer, migrate, type PlazaProduct } from '../server.ts';

/** A database every store test runs against: SQLite always, PostgreSQL when CI provides one. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  url: string;
}

export function testDatabases(): TestDatabase[] {
  const targets: TestDatabase[] = [{ name: 'sqlite', url: 'sqlite::memory:' }];
  const pgUrl = process.env.PLAZA_TEST_DATABASE_URL;
  if (pgUrl) targets.push({ name: 'postgres', url: pgUrl });
  return targets;
}

export interface TestPlatform {
  platform: Platform;
  clock: ManualClock;
  /** Drops the suite's PostgreSQL schema and closes connections. */
  close(): Promise<void>;
}

/**
 * A migrated platform on a fresh database: an in-memory SQLite, or a PostgreSQL schema of
 * its own so suites never see each other's rows.
 */
export async function createTestPlatform(
  target: TestDatabase,
  products: PlazaProduct[] = [],
  env: Record<string, string> = {},
): Promise<TestPlatform> {
  const schema = target.name === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
  if (schema) await runAdminStatement(target.url, `create schema ${schema}`);
  // No private metrics listener unless a test asks: parallel suites would compete for its port.
  const config: Config = loadConfig({
    PLAZA_DATABASE_URL: target.url,
    PLAZA_LOG_LEVEL: 'silent',
    PLAZA_METRICS_PORT: 'off',
    ...env,
  });
  const clock = new ManualClock();
  const platform = createPlatform(config, {
    clock,
    logger: createLogger('silent'),
    ...(schema ? { database: { schema, poolSize: 4 } } : {}),
  });
  await migrate(platform, products);
  return {
    platform,
    clock,
    async close() {
      await platform.close();
      if (schema) await runAdminStatement(target.url, `drop schema ${schema} cascade`);
    },
  };
}

/** Runs one statement on its own connection: creating and dropping test schemas and databases. */
export async function runAdminStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface TestServer extends TestPlatform {
  app: PlazaApp;
}

export async function createTestServer(
  target: TestDatabase,
  products: PlazaProduct[],
  env: Record<string, string> = {},
): Promise<TestServer> {
  const test = await createTestPlatform(target, products, env);
  const app = await buildServer(test.platform, products);
  await app.ready();
  return {
    ...test,
    app,
    async close() {
      await app.close();
      await test.close();
    },
  };
}

/** Signs up through the API and answers the bearer token, for tests that need a user. */
export async function signUpForTest(
  app: PlazaApp,
  handle: string,
  language = 'en',
): Promise<{ token: string; id: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { handle, email: `${handle}@example.test`, password: 'correct horse battery', language },
  });
  if (response.statusCode !== 201) throw new Error(`sign-up of ${handle} failed: ${response.body}`);
  const body = response.json() as { token: string; id: string };
  return { token: body.token, id: body.id };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
export * from './export.ts';
