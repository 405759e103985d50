import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BenchDatabase,
  type Db,
  postgresVersion,
  prepareDatabase,
  seedDatabase,
} from './community/database.ts';
import { type Fixture, fixtureFromFlags } from './community/fixture.ts';
import {
  buildScenarios,
  checkScenarios,
  type RunSettings,
  runScenario,
  settle,
  trivial,
} from './community/scenarios.ts';
import { commonArgs } from './lib/args.ts';
import { type LoadResult, printTable } from './lib/load.ts';
import { startServer } from './lib/server.ts';

/**
 * Community read paths under load: following feed, discover feed (first and second page),
 * note page and search, on a seeded community (10,000 accounts and 200,000 notes by
 * default), each next to the trivial route of the same server measured in the same run.
 * Target (issue 2): on PostgreSQL the following feed serves ≥ 25% of the trivial route's
 * requests/s with p99 ≤ 50 ms at 100 connections.
 *
 * Flags: --accounts N --notes N --sessions N --rounds N --seed N --only ROUTES --cpu-prof DIR --keep,
 * plus the common --db sqlite|postgres|both --connections N --duration S.
 */

const PORT = 3110;
const WARM_UP_SECONDS = 2;
const TARGET = { ratio: 0.25, p99Ms: 50 };

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${os.cpus().length} cores (${cpu}), ${gib} GiB, Node ${process.version}`;
}

function describeFixture(f: Fixture, seconds: number): void {
  const published = f.notes.published.reduce((n, p) => n + p, 0);
  console.log(
    `fixture (${seconds.toFixed(1)} s): ${f.accounts.ids.length} accounts, ${f.notes.ids.length} notes ` +
      `(${published} published), ${f.follows.targets.length} follows, ${f.notes.likes.targets.length} likes, ` +
      `${f.timelines.notes.length} timeline rows, ${f.sessions.length} sessions`,
  );
}

/** Fails the run (exit code 1) when a route answered anything but 2xx: its figures mean nothing. */
function checkErrors(results: LoadResult[]): void {
  const failed = results.filter((r) => r.non2xx + r.errors > 0);
  for (const r of failed) console.error(`  ! ${r.name}: ${r.non2xx} non-2xx, ${r.errors} errors/timeouts`);
  if (failed.length > 0) process.exitCode = 1;
}

function verdict(db: Db, baseline: LoadResult, results: LoadResult[]): void {
  const feed = results.find((r) => r.name === 'following feed');
  if (!feed) return;
  const ratio = feed.requestsPerSecond / Math.max(1, baseline.requestsPerSecond);
  const met = ratio >= TARGET.ratio && feed.latencyP99Ms <= TARGET.p99Ms;
  const scope = db === 'postgres' ? 'target' : 'target (set for PostgreSQL; shown for comparison)';
  console.log(
    `${scope}: following feed ≥ ${TARGET.ratio} × trivial and p99 ≤ ${TARGET.p99Ms} ms → ` +
      `${ratio.toFixed(2)} ×, p99 ${feed.latencyP99Ms} ms: ${met ? 'MET' : 'MISSED'}`,
  );
}

/** Reports a backlog the server needed time to clear: a sign that the route blocked it. */
async function settleLogged(url: string, after: string): Promise<void> {
  const seconds = await settle(url);
  if (seconds > 2)
    console.log(`  (server needed ${seconds.toFixed(0)} s to answer promptly again after ${after})`);
}

interface Settings extends RunSettings {
  /** Comma-separated parts of route names to measure (profiling one route); empty: all. */
  only: string;
}

async function measureAll(
  url: string,
  fixture: Fixture,
  db: Db,
  settings: Settings,
  rounds: number,
  seed: number,
) {
  const scenarios = (await buildScenarios(url, fixture, seed)).filter(
    (s) => !settings.only || settings.only.split(',').some((part) => s.name.includes(part.trim())),
  );
  await checkScenarios(url, fixture, scenarios);
  // JIT, connection pools, the process's caches and the discover snapshot warm up before
  // anything counts, right before each route, so a route is measured in the steady state its
  // own traffic keeps (not with what expired while other routes ran).
  const warm = { connections: Math.min(settings.connections, 20), durationSeconds: WARM_UP_SECONDS };
  for (let round = 1; round <= rounds; round += 1) {
    // The baseline too: measured cold, it would read low and flatter every ratio.
    await trivial(url, warm);
    const baseline = await trivial(url, settings);
    const results: LoadResult[] = [];
    for (const scenario of scenarios) {
      await runScenario(url, fixture, scenario, warm);
      await settleLogged(url, `${scenario.name} warm-up`);
      results.push(await runScenario(url, fixture, scenario, settings));
      await settleLogged(url, scenario.name);
    }
    printTable(
      `community on ${db}, round ${round}/${rounds}, ${settings.connections} connections × ${settings.durationSeconds} s`,
      baseline,
      results,
    );
    verdict(db, baseline, results);
    checkErrors([baseline, ...results]);
  }
}

function serverEnv(target: BenchDatabase, cpuProfDir: string): Record<string, string> {
  const env: Record<string, string> = {
    PLAZA_DATABASE_URL: target.url,
    PLAZA_DATA_DIR: target.dataDir,
    PLAZA_ADMIN_PASSWORD: 'bench-admin-password',
  };
  if (cpuProfDir) {
    fs.mkdirSync(cpuProfDir, { recursive: true });
    const hook = path.join(path.dirname(fileURLToPath(import.meta.url)), 'community/cpu-profile.ts');
    env.PLAZA_BENCH_CPU_PROF_DIR = path.resolve(cpuProfDir);
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import tsx --import ${hook}`.trim();
  }
  return env;
}

async function benchOne(
  db: Db,
  fixture: Fixture,
  values: Record<string, string>,
  settings: Settings,
  keep: boolean,
) {
  const target = await prepareDatabase(db, values['postgres-url']!);
  try {
    if (db === 'postgres') console.log(`\nPostgreSQL ${await postgresVersion(values['postgres-url']!)}`);
    console.log(`\nseeding ${db}:`);
    const seconds = await seedDatabase(target, fixture);
    console.log(`seeded ${db} in ${seconds.toFixed(1)} s`);
    const server = await startServer(serverEnv(target, values['cpu-prof']!), PORT);
    try {
      await measureAll(server.url, fixture, db, settings, Number(values.rounds), Number(values.seed));
    } finally {
      await server.stop();
    }
  } finally {
    if (keep) console.log(`kept ${db} database: ${target.describe}`);
    else await target.drop();
  }
}

export async function run(args: string[]): Promise<void> {
  // A bare switch; commonArgs takes only flags with values.
  const keep = args.includes('--keep');
  const { common, values } = commonArgs(
    args.filter((a) => a !== '--keep'),
    {
      accounts: { type: 'string', default: '10000' },
      notes: { type: 'string', default: '200000' },
      sessions: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      'cpu-prof': { type: 'string', default: '' },
      only: { type: 'string', default: '' },
    },
  );
  console.log(`machine: ${machine()}`);
  const started = performance.now();
  const fixture = fixtureFromFlags(values);
  describeFixture(fixture, (performance.now() - started) / 1000);
  const settings = {
    connections: common.connections,
    durationSeconds: common.durationSeconds,
    only: values.only ?? '',
  };
  for (const db of common.db)
    await benchOne(db, fixture, { ...values, 'postgres-url': common.postgresUrl }, settings, keep);
}
