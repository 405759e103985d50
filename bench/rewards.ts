import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_BATCH_SIZE } from '../packages/rewards/src/import/importer.ts';
import { type Db, postgresVersion, prepareDatabase } from './community/database.ts';
import { commonArgs } from './lib/args.ts';
import { plainInsert } from './rewards/baseline.ts';
import { type CardSet, cardSet } from './rewards/cards.ts';
import { type EventFileStats, writeSettlementFile } from './rewards/events.ts';
import { loadFixture } from './rewards/fixture.ts';
import { type ImportResult, runImport } from './rewards/import-run.ts';
import { switchRuns } from './rewards/switch-load.ts';

/**
 * Settlement throughput and plan switching (issue 3). 100,000 cards with plan histories are
 * bulk-loaded; a 1,000,000-event settlement file (deterministic by seed) goes through
 * `plaza rewards import` in its own process; settled transactions per second are printed next
 * to a plain bulk insert of the same rows into a table of the same width, measured in the same
 * run. Then the plan-switch API at 100 connections next to the trivial route.
 * Target: ≥ 10,000 settled transactions/s on PostgreSQL.
 *
 * Flags: --cards N --events N --batch N --seed N --keep, plus --db --connections --duration.
 */

const PORT = 3120;
const TARGET_PER_SECOND = 10_000;
const FIRST_DATE = '2026-10-01';
const WINDOW_DAYS = 30;
const FILE_FROM = '2026-10-20';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

interface Settings {
  cards: number;
  events: number;
  batch: number;
  seed: number;
  connections: number;
  durationSeconds: number;
  postgresUrl: string;
  keep: boolean;
}

function report(
  db: Db,
  file: EventFileStats,
  imported: ImportResult,
  baseline: { rows: number; seconds: number },
) {
  const settledPerSecond = file.settlements / imported.seconds;
  const eventsPerSecond = imported.events / imported.seconds;
  const baselinePerSecond = baseline.rows / baseline.seconds;
  console.log(`\nrewards import on ${db}: ${imported.events} events in ${imported.seconds.toFixed(1)} s`);
  console.log(
    `  outcomes: ${imported.applied} applied, ${imported.duplicate} duplicate, ${imported.held} held, ` +
      `${imported.rejected} rejected, ${imported.invalid} invalid`,
  );
  console.log(
    `  ${'path'.padEnd(34)} ${'rows'.padStart(9)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(9)}`,
  );
  const line = (name: string, rows: number, seconds: number) =>
    console.log(
      `  ${name.padEnd(34)} ${String(rows).padStart(9)} ${seconds.toFixed(1).padStart(8)} ${String(Math.round(rows / seconds)).padStart(9)}`,
    );
  line('baseline: plain bulk insert', baseline.rows, baseline.seconds);
  line('import: all events', imported.events, imported.seconds);
  line('import: settled transactions', file.settlements, imported.seconds);
  console.log(
    `  ratio settled/s ÷ plain rows/s: ${(settledPerSecond / baselinePerSecond).toFixed(3)}; ` +
      `events/s ÷ plain rows/s: ${(eventsPerSecond / baselinePerSecond).toFixed(3)}`,
  );
  const scope = db === 'postgres' ? 'target' : 'target (set for PostgreSQL; shown for comparison)';
  const met = settledPerSecond >= TARGET_PER_SECOND;
  console.log(
    `  ${scope}: ≥ ${TARGET_PER_SECOND} settled/s → ${Math.round(settledPerSecond)}: ${met ? 'MET' : 'MISSED'}`,
  );
  if (imported.rejected + imported.invalid > 0) process.exitCode = 1;
}

async function benchOne(db: Db, file: string, stats: EventFileStats, cards: CardSet, settings: Settings) {
  const target = await prepareDatabase(db, settings.postgresUrl);
  try {
    console.log(`\n== ${db}${db === 'postgres' ? ` ${await postgresVersion(settings.postgresUrl)}` : ''}`);
    const fixture = await loadFixture(target, cards, {
      seed: settings.seed,
      firstDate: FIRST_DATE,
      windowDays: WINDOW_DAYS,
    });
    const counts = Object.entries(fixture.rows)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ');
    console.log(`  fixture: ${counts} (${fixture.seconds.toFixed(1)} s)`);
    const baseline = await plainInsert(db, target.url, file, settings.batch);
    console.log(`  baseline: ${baseline.rows} rows in ${baseline.seconds.toFixed(1)} s`);
    const imported = await runImport(file, target.url, { PLAZA_DATA_DIR: target.dataDir }, [
      '--batch',
      String(settings.batch),
      '--report',
      path.join(target.dataDir, 'import-report.csv'),
    ]);
    report(db, stats, imported, baseline);
    await switchRuns(
      target,
      cards,
      db,
      { ...settings, runs: 1, serverEnv: { PLAZA_ADMIN_PASSWORD: 'bench-admin-password' } },
      PORT,
    );
  } finally {
    if (settings.keep) console.log(`kept ${db} database: ${target.describe}`);
    else await target.drop();
  }
}

export async function run(args: string[]): Promise<void> {
  const keep = args.includes('--keep');
  const { common, values } = commonArgs(
    args.filter((a) => a !== '--keep'),
    {
      cards: { type: 'string', default: '100000' },
      events: { type: 'string', default: '1000000' },
      batch: { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
      seed: { type: 'string', default: '1' },
    },
  );
  const settings: Settings = {
    cards: Number(values.cards),
    events: Number(values.events),
    batch: Number(values.batch),
    seed: Number(values.seed),
    connections: common.connections,
    durationSeconds: common.durationSeconds,
    postgresUrl: common.postgresUrl,
    keep,
  };
  console.log(`machine: ${machine()}`);
  const cards = cardSet(settings.cards, settings.seed, FIRST_DATE, WINDOW_DAYS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-bench-rewards-'));
  const file = path.join(dir, `settlements-${settings.seed}.csv`);
  try {
    const started = performance.now();
    const stats = await writeSettlementFile(file, {
      events: settings.events,
      cards: settings.cards,
      seed: settings.seed,
      from: FILE_FROM,
      days: WINDOW_DAYS,
      cardRef: cards.token,
    });
    console.log(
      `settlement file: ${stats.events} events (${stats.settlements} settlements, ${stats.refunds} refunds ` +
        `of which ${stats.refundsBeforeSettlement} before their settlement, ${stats.foreign} foreign, ` +
        `${stats.installments} installment billings), ${(stats.bytes / 2 ** 20).toFixed(0)} MB, ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const db of common.db) await benchOne(db, file, stats, cards, settings);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
