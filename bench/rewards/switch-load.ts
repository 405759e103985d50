import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, postgresVersion, prepareDatabase } from '../community/database.ts';
import { settle } from '../community/scenarios.ts';
import { commonArgs } from '../lib/args.ts';
import { type LoadResult, measure, printTable } from '../lib/load.ts';
import { startServer } from '../lib/server.ts';
import { type CardSet, cardSet, MAIN_PLANS } from './cards.ts';
import { loadFixture } from './fixture.ts';

export interface SwitchLoadSettings {
  connections: number;
  durationSeconds: number;
}

/**
 * `PUT /api/rewards/v1/cards/:id/plan` under load, every request a real switch: each goes to
 * a different primary card (in card order, signed in as its holder), asking for a plan other
 * than the card's current one, on a day the card has not switched yet. So every answer is a
 * new selection row, never the "already on that plan" shortcut or a refusal. Cards run out
 * after one pass: the run is then reported as not valid.
 */
export async function measureSwitches(
  baseUrl: string,
  cards: CardSet,
  settings: SwitchLoadSettings,
  firstCard = 0,
): Promise<{ result: LoadResult; nextCard: number }> {
  const primaries: number[] = [];
  for (let i = firstCard; i < cards.count; i += 1) if (cards.isPrimary(i)) primaries.push(i);
  let next = 0;
  const result = await measure({
    name: 'PUT plan (switch)',
    url: `${baseUrl}/api/rewards/v1/cards/x/plan`,
    method: 'POST',
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
    setupRequest: (request) => {
      const card = primaries[next % primaries.length]!;
      next += 1;
      const current = cards.currentPlan(card);
      const target = MAIN_PLANS[(MAIN_PLANS.indexOf(current as (typeof MAIN_PLANS)[number]) + 1) % 4]!;
      return {
        ...request,
        method: 'PUT',
        path: `/api/rewards/v1/cards/${cards.cardId(card)}/plan`,
        headers: {
          ...request.headers,
          authorization: `Bearer ${cards.session(card)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ planId: target }),
      };
    },
  });
  if (next > primaries.length) {
    // A second visit asks for the plan the card already switched to today: answered 200 without
    // a change, so the figures would not be switches any more. More cards (--cards) fix it.
    console.log(`  ! ${next} switches asked for ${primaries.length} cards left: figures not valid`);
    process.exitCode = 1;
  }
  return { result, nextCard: primaries[Math.min(next, primaries.length - 1)]! + 1 };
}

/** The trivial route, measured in the same run: every ratio divides by it. */
export const trivial = (baseUrl: string, settings: SwitchLoadSettings) =>
  measure({
    name: 'trivial /healthz',
    url: `${baseUrl}/healthz`,
    connections: settings.connections,
    durationSeconds: settings.durationSeconds,
  });

export interface SwitchRunsSettings extends SwitchLoadSettings {
  /** Measured runs on one server, each on cards not switched yet. */
  runs: number;
  /** Extra environment for the server (e.g. NODE_OPTIONS=--cpu-prof for a profile). */
  serverEnv?: Record<string, string>;
}

/**
 * Starts Plaza on a loaded database and measures the switch API `runs` times, each next to
 * the trivial route measured just before it. Answers the switch results.
 */
export async function switchRuns(
  target: { url: string; dataDir: string },
  cards: CardSet,
  db: Db,
  settings: SwitchRunsSettings,
  port: number,
): Promise<LoadResult[]> {
  const env = { PLAZA_DATABASE_URL: target.url, PLAZA_DATA_DIR: target.dataDir };
  const server = await startServer({ ...env, ...settings.serverEnv }, port);
  const results: LoadResult[] = [];
  try {
    // Warm-up on the first cards; the measured runs switch cards not touched yet.
    let { nextCard } = await measureSwitches(server.url, cards, { connections: 20, durationSeconds: 2 });
    for (let run = 1; run <= settings.runs; run += 1) {
      await settle(server.url);
      const baseline = await trivial(server.url, settings);
      const measured = await measureSwitches(server.url, cards, settings, nextCard);
      nextCard = measured.nextCard;
      await settle(server.url);
      const title = `plan switch on ${db}, ${settings.connections} connections × ${settings.durationSeconds} s`;
      printTable(`${title} (run ${run} of ${settings.runs})`, baseline, [measured.result]);
      const { result } = measured;
      if (result.non2xx + result.errors + baseline.non2xx + baseline.errors > 0) process.exitCode = 1;
      results.push(result);
    }
  } finally {
    await server.stop();
  }
  return results;
}

/** The server loads the community bench's profiler hook (Node refuses `--cpu-prof` in NODE_OPTIONS). */
function profileEnv(dir: string): Record<string, string> {
  if (!dir) return {};
  fs.mkdirSync(dir, { recursive: true });
  const hook = fileURLToPath(new URL('../community/cpu-profile.ts', import.meta.url));
  return {
    PLAZA_BENCH_CPU_PROF_DIR: path.resolve(dir),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx --import ${hook}`.trim(),
  };
}

/**
 * Only the plan-switch part of the rewards benchmark, on a fixture of cards without the
 * settlement import: `npx tsx bench/rewards/switch-load.ts --db postgres --runs 2`.
 * Flags: --cards N --seed N --runs N --cpu-prof DIR, plus --db --connections --duration.
 */
async function main(args: string[]): Promise<void> {
  const { common, values } = commonArgs(args, {
    cards: { type: 'string', default: '150000' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '2' },
    'cpu-prof': { type: 'string', default: '' },
  });
  const firstDate = '2026-10-01';
  const cards = cardSet(Number(values.cards), Number(values.seed), firstDate, 30);
  const serverEnv = profileEnv(values['cpu-prof'] ?? '');
  for (const db of common.db) {
    const target = await prepareDatabase(db, common.postgresUrl);
    try {
      const version = db === 'postgres' ? ` ${await postgresVersion(common.postgresUrl)}` : '';
      const fixture = await loadFixture(target, cards, {
        seed: Number(values.seed),
        firstDate,
        windowDays: 30,
      });
      console.log(`\n== ${db}${version}: ${cards.count} cards loaded in ${fixture.seconds.toFixed(1)} s`);
      await switchRuns(target, cards, db, { ...common, runs: Number(values.runs), serverEnv }, 3121);
    } finally {
      await target.drop();
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
