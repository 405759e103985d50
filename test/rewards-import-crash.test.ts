import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '@plaza/kernel';
import { runAdminStatement } from '@plaza/kernel/testing';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { cardSet } from '../bench/rewards/cards.ts';
import { writeSettlementFile } from '../bench/rewards/events.ts';
import { loadFixture } from '../bench/rewards/fixture.ts';
import { spawnPlazaCommand } from '../packages/cli/src/spawn.ts';
import { CRASH_AFTER_BATCHES_ENV } from '../packages/rewards/src/import/crash-hook.ts';
import { POINTS_TABLE_NAMES } from '../packages/rewards/src/lifecycle/db.ts';
import { SPLIT_MIN_EVENTS } from '../packages/rewards/src/lifecycle/writer-groups.ts';

/**
 * kill -9 of `plaza rewards import` halfway through a settlement file, then the same command
 * again: the ledger must be identical, row for row, to an uninterrupted import of the same
 * file into a fresh database with the same cards. Compared: every column of the points tables
 * except `recorded_at` (when Plaza wrote the row), rows in a total order.
 *
 * The kill is placed exactly, not by watching the clock: the import's crash hook SIGKILLs the
 * process right after batch `killedBatch` committed and before its checkpoint was written, the
 * worst moment (the ledger holds the batch, the checkpoint does not). So the re-run must resume
 * after batch `killedBatch - 1` and find that batch's events already applied.
 */
// Every table the ingestor writes.
const LEDGER_TABLES = POINTS_TABLE_NAMES;
const NOT_COMPARED = new Set(['recorded_at']);
const EVENTS = 4_000;
/**
 * Lines per batch: 50 makes many batches (80), each one transaction; 1,000 (`SPLIT_MIN_EVENTS`)
 * makes batches the ingestor splits by card partition into two transactions on PostgreSQL.
 */
const BATCHES = [50, SPLIT_MIN_EVENTS];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-import-crash-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Target {
  db: 'sqlite' | 'postgres';
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

async function freshDatabase(db: Target['db'], label: string): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(dir, `${label}-`));
  if (db === 'sqlite')
    return { db, url: `sqlite:${path.join(dataDir, 'plaza.sqlite')}`, dataDir, drop: async () => {} };
  const admin = process.env.PLAZA_TEST_DATABASE_URL!;
  const name = `plaza_import_crash_${randomBytes(4).toString('hex')}`;
  await runAdminStatement(admin, `create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    db,
    url: url.toString(),
    dataDir,
    drop: () => runAdminStatement(admin, `drop database if exists ${name} with (force)`),
  };
}

function importProcess(
  file: string,
  target: Target,
  batch: number,
  env: Record<string, string> = {},
): ChildProcess {
  return spawnPlazaCommand(['rewards', 'import', file, '--json', '--batch', String(batch), target.url], {
    PLAZA_DATA_DIR: target.dataDir,
    ...env,
  });
}

async function finish(child: ChildProcess): Promise<Record<string, unknown>> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  child.stderr?.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

/** Where the import's checkpoint stands, read from the outside as an operator would. */
async function checkpointLine(db: Kysely<unknown>): Promise<number> {
  const rows = await sql<{ line_number: number }>`select line_number from rewards_import_runs`.execute(db);
  return Number(rows.rows[0]?.line_number ?? 0);
}

async function ledger(db: Kysely<unknown>): Promise<Record<string, unknown[]>> {
  const tables = await db.introspection.getTables();
  const out: Record<string, unknown[]> = {};
  for (const name of LEDGER_TABLES) {
    const table = tables.find((t) => t.name === name);
    if (!table) throw new Error(`no table ${name}`);
    const columns = table.columns
      .map((c) => c.name)
      .filter((c) => !NOT_COMPARED.has(c))
      .sort();
    const list = sql.join(columns.map((c) => sql.ref(c)));
    const rows = await sql<
      Record<string, unknown>
    >`select ${list} from ${sql.table(name)} order by ${list}`.execute(db);
    out[name] = rows.rows;
  }
  return out;
}

const databases: Target['db'][] = process.env.PLAZA_TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

const cases = databases.flatMap((db) => BATCHES.map((batch) => ({ db, batch })));

describe.each(cases)(
  'kill -9 halfway through a settlement-file import ($db, batches of $batch)',
  ({ db, batch }) => {
    const killedBatch = EVENTS / batch / 2;
    it('a re-run continues from the checkpoint and leaves the ledger identical to an uninterrupted import', async () => {
      const cards = cardSet(300, 11, '2026-10-01', 30);
      const file = path.join(dir, `settlements-${db}-${batch}.csv`);
      const stats = await writeSettlementFile(file, {
        events: EVENTS,
        cards: cards.count,
        seed: 11,
        from: '2026-10-20',
        days: 30,
        cardRef: cards.token,
      });
      const [crashed, whole] = [
        await freshDatabase(db, `crashed-${batch}`),
        await freshDatabase(db, `whole-${batch}`),
      ];
      const fixture = { seed: 11, firstDate: '2026-10-01', windowDays: 30 };
      const handles: { destroy(): Promise<void> }[] = [];
      try {
        await loadFixture(crashed, cards, fixture);
        await loadFixture(whole, cards, fixture);
        const uninterrupted = await finish(importProcess(file, whole, batch));
        expect(uninterrupted).toMatchObject({
          outcome: 'imported',
          events: stats.events,
          rejected: 0,
          invalid: 0,
        });

        const first = importProcess(file, crashed, batch, { [CRASH_AFTER_BATCHES_ENV]: String(killedBatch) });
        const [code, signal] = (await once(first, 'exit')) as [number | null, NodeJS.Signals | null];
        expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
        const watch = createDatabase<unknown>(crashed.url);
        handles.push(watch);
        // The header is line 1; the last checkpoint is that of the batch before the killed one.
        const lineAfterKill = await checkpointLine(watch.db);
        expect(lineAfterKill).toBe(1 + (killedBatch - 1) * batch);

        const resumed = await finish(importProcess(file, crashed, batch));
        expect(resumed).toMatchObject({
          outcome: 'imported',
          resumedAfterLine: lineAfterKill,
          events: stats.events,
          rejected: 0,
          invalid: 0,
        });
        // Each event is counted once across both runs; the batch committed at the kill comes back duplicate.
        const counted = ['applied', 'duplicate', 'held'].reduce((sum, k) => sum + Number(resumed[k]), 0);
        expect(counted).toBe(stats.events);
        expect(resumed.duplicate).toBe(Number(uninterrupted.duplicate) + batch);

        const compare = createDatabase<unknown>(whole.url);
        handles.push(compare);
        const [left, right] = [await ledger(watch.db), await ledger(compare.db)];
        // Not an empty ledger compared with another: most settlements earn (tiny ones round to 0).
        expect(left.rewards_postings!.length).toBeGreaterThan(stats.settlements / 2);
        expect(left.rewards_events).toHaveLength(stats.events);
        for (const table of LEDGER_TABLES) expect(left[table], table).toEqual(right[table]);
      } finally {
        for (const handle of handles) await handle.destroy();
        await crashed.drop();
        await whole.drop();
      }
    }, 240_000);
  },
);
