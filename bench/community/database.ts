import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { communityProduct } from '@plaza/community';
import { createPlatform, loadConfig, migrate, tables } from '@plaza/kernel';
import pg from 'pg';
import type { MediaTables } from '../../packages/community/src/media/store.ts';
import { hashPassword } from '../../packages/kernel/src/auth/passwords.ts';
import { type BulkTarget, postgresTarget, sqliteTarget } from './bulk.ts';
import type { Fixture } from './fixture.ts';
import { loadFixture } from './loader.ts';
import { loadMedia } from './media.ts';

export type Db = 'sqlite' | 'postgres';

/** A database of the benchmark's own and the data folder (media files) the server will use. */
export interface BenchDatabase {
  db: Db;
  url: string;
  dataDir: string;
  /** Where it lives, printed when `--keep` leaves it behind for EXPLAIN ANALYZE. */
  describe: string;
  drop(): Promise<void>;
}

async function adminQuery(url: string, statement: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<Record<string, string>>(statement);
    const row = result.rows[0];
    return row ? Object.values(row)[0] : undefined;
  } finally {
    await client.end();
  }
}

/** The PostgreSQL server's version, for the report. */
export const postgresVersion = (url: string) => adminQuery(url, 'show server_version');

/** A fresh SQLite file, or a fresh PostgreSQL database created (and later dropped) here. */
export async function prepareDatabase(db: Db, postgresUrl: string): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-bench-community-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (db === 'sqlite') {
    const file = path.join(dataDir, 'bench.sqlite');
    return { db, url: `sqlite:${file}`, dataDir, describe: file, drop: removeDir };
  }
  const name = `plaza_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(postgresUrl, `create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    db,
    url: url.toString(),
    dataDir,
    describe: `${url.toString()} (media in ${dataDir})`,
    drop: async () => {
      await adminQuery(postgresUrl, `drop database ${name} with (force)`);
      await removeDir();
    },
  };
}

const MEDIA_COLUMNS = [
  { name: 'id', type: 'text' },
  { name: 'owner_id', type: 'text' },
  { name: 'mime', type: 'text' },
  { name: 'width', type: 'int4' },
  { name: 'height', type: 'int4' },
  { name: 'bytes', type: 'int4' },
  { name: 'created_at', type: 'int8' },
] as const;

/**
 * Migrates with the kernel's runner and the Community product (as `plaza migrate` does),
 * then bulk-loads the fixture. Answers the seconds it took.
 */
export async function seedDatabase(target: BenchDatabase, fixture: Fixture): Promise<number> {
  const started = performance.now();
  const config = loadConfig({
    PLAZA_DATABASE_URL: target.url,
    PLAZA_DATA_DIR: target.dataDir,
    PLAZA_LOG_LEVEL: 'warn',
  });
  const platform = createPlatform(config);
  let bulk: BulkTarget | undefined;
  try {
    await migrate(platform, [communityProduct()]);
    bulk =
      target.db === 'sqlite'
        ? sqliteTarget(target.url.slice('sqlite:'.length))
        : await postgresTarget(target.url);
    const sink = bulk.sink('media', [...MEDIA_COLUMNS]);
    await loadFixture(bulk, fixture, {
      passwordHash: await hashPassword('bench password 123'),
      sessionTtlMs: config.sessionTtlDays * 86_400_000,
      loadMedia: () => loadMedia(tables<MediaTables>(platform), config.mediaDir, fixture.accounts, sink),
      log: (step, rows, ms) =>
        console.log(
          `  ${step.padEnd(16)} ${String(rows).padStart(10)} rows ${(ms / 1000).toFixed(1).padStart(7)} s`,
        ),
    });
  } finally {
    await bulk?.close();
    await platform.close();
  }
  return (performance.now() - started) / 1000;
}
