import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { commonArgs } from '../lib/args.ts';
import { type RunningServer, startServer } from '../lib/server.ts';
import { prepareDatabase, seedDatabase } from './database.ts';
import { type Fixture, fixtureFromFlags } from './fixture.ts';

/**
 * Server CPU time per request of the trivial route and of the warm following feed: the
 * server process's user + system time (`/proc/<pid>/stat`, every thread: GC and libuv too)
 * before and after a fixed number of requests, on a small seeded community. Throughput on a
 * shared 2-core box moves with whatever else runs; the CPU a request costs moves less, and
 * the runs of each round are measured back to back in alternating order so a busier moment
 * weighs on all of them alike. `--against DIR` starts a second server from another checkout of
 * Plaza (its own `node_modules` in place) on the same database and measures both in the same
 * rounds: the comparison of two trees that the req/s suite cannot make on this box.
 *
 * `npx tsx bench/community/cpu-per-request.ts --db sqlite|postgres [--accounts 2000]
 * [--notes 40000] [--sessions 1000] [--requests 40000] [--rounds 5] [--connections 100]
 * [--only following] [--against /path/to/other/checkout]`
 */

const PORT = 3111;
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

interface Route {
  name: string;
  path: string;
  signedIn: boolean;
}

const ROUTES: Route[] = [
  { name: 'trivial /healthz', path: '/healthz', signedIn: false },
  { name: 'following feed', path: '/api/v1/feed/following', signedIn: true },
];

/** A server under measurement: which tree it runs and its process. */
interface Measured {
  tree: string;
  server: RunningServer;
  pid: number;
}

/** The Plaza process this one started on `port` (its child, told the port in its environment). */
function serverPid(port: number): number {
  const wanted = `PLAZA_PORT=${port}`;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parentPid !== process.pid) continue;
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(wanted)) return Number(entry);
    } catch {
      // The process ended while being read: not ours.
    }
  }
  throw new Error(`no child process of ${process.pid} serves port ${port}`);
}

/** User and system CPU seconds the process has used so far (fields 14 and 15 of its stat). */
function cpuSeconds(pid: number): { user: number; system: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    user: Number(fields[11]) / CLOCK_TICKS_PER_SECOND,
    system: Number(fields[12]) / CLOCK_TICKS_PER_SECOND,
  };
}

const SETTLE_STEP_MS = 300;
const SETTLE_MAX_MS = 15_000;

/**
 * Waits until the server stops using the CPU (at most one clock tick in 300 ms). A run leaves
 * work behind (re-reads queued ahead run up to 200 ms later, garbage collection): waiting for
 * it before reading the CPU time charges that work to the run that caused it, not the next.
 */
async function settleCpu(pid: number): Promise<void> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  let last = cpuSeconds(pid);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_MS));
    const now = cpuSeconds(pid);
    const used = now.user + now.system - last.user - last.system;
    if (used <= 1 / CLOCK_TICKS_PER_SECOND) return;
    last = now;
  }
}

/** Sends exactly `amount` requests, signed-in ones as the fixture's sessions in turn; answers how many came back. */
async function drive(url: string, route: Route, fixture: Fixture, amount: number, connections: number) {
  let next = 0;
  const result = await autocannon({
    url: `${url}${route.path}`,
    connections,
    amount,
    requests: [
      {
        setupRequest: (request) => {
          if (!route.signedIn) return request;
          const session = fixture.sessions[next++ % fixture.sessions.length]!;
          return { ...request, headers: { ...request.headers, authorization: `Bearer ${session.token}` } };
        },
      },
    ],
  });
  if (result.non2xx + result.errors + result.timeouts > 0)
    throw new Error(`${route.name}: ${result.non2xx} non-2xx, ${result.errors + result.timeouts} errors`);
  return result.requests.total;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Settings {
  /** Only the route whose name contains this (profiling one route); empty: both. */
  only: string;
  requests: number;
  rounds: number;
  connections: number;
}

/** Every run of one round, in alternating order; answers µs per request (all, system) by `tree route`. */
async function measureRound(runs: [Measured, Route][], round: number, fixture: Fixture, settings: Settings) {
  const order = round % 2 ? runs : [...runs].reverse();
  const results = new Map<string, { us: number; systemUs: number }>();
  for (const [target, route] of order) {
    await settleCpu(target.pid);
    const before = cpuSeconds(target.pid);
    const answered = await drive(target.server.url, route, fixture, settings.requests, settings.connections);
    await settleCpu(target.pid);
    const after = cpuSeconds(target.pid);
    const systemUs = ((after.system - before.system) * 1e6) / answered;
    const us = systemUs + ((after.user - before.user) * 1e6) / answered;
    results.set(`${target.tree} ${route.name}`, { us, systemUs });
  }
  return results;
}

/** This tree's cost over the other's, round by round: runs of one round met the same box. */
function printPaired(samples: Map<string, number[]>, routes: Route[], rounds: number) {
  for (const route of routes) {
    const mine = samples.get(`this ${route.name}`)!;
    const theirs = samples.get(`against ${route.name}`)!;
    const ratios = Array.from({ length: rounds }, (_, i) => mine[i]! / theirs[i]!);
    const each = ratios.map((r) => r.toFixed(2)).join(' ');
    console.log(`this/against ${route.name}: ${each}, median ${median(ratios).toFixed(2)}`);
  }
}

async function measureAll(targets: Measured[], fixture: Fixture, settings: Settings) {
  const routes = ROUTES.filter((r) => !settings.only || r.name.includes(settings.only));
  const runs = targets.flatMap((t) => routes.map((r): [Measured, Route] => [t, r]));
  // Every reader's caches filled and the JIT warm before anything counts.
  const warmRequests = Math.max(settings.requests, fixture.sessions.length * 3);
  for (const [target, route] of runs)
    await drive(target.server.url, route, fixture, warmRequests, settings.connections);
  const samples = new Map<string, number[]>();
  for (let round = 1; round <= settings.rounds; round += 1) {
    const results = await measureRound(runs, round, fixture, settings);
    for (const [name, { us }] of results) samples.set(name, [...(samples.get(name) ?? []), us]);
    const line = [...results]
      .map(([name, r]) => `${name} ${r.us.toFixed(1)} (system ${r.systemUs.toFixed(1)})`)
      .join(', ');
    console.log(`round ${round} (load ${os.loadavg()[0]!.toFixed(1)}): ${line} µs`);
  }
  const medians = new Map([...samples].map(([name, values]) => [name, median(values)]));
  console.log('median server CPU per request:');
  for (const [name, us] of medians) console.log(`  ${name.padEnd(40)} ${us.toFixed(1).padStart(7)} µs`);
  if (targets.length > 1) printPaired(samples, routes, settings.rounds);
  if (routes.length < ROUTES.length) return;
  for (const { tree } of targets) {
    const ratio = medians.get(`${tree} ${ROUTES[0]!.name}`)! / medians.get(`${tree} ${ROUTES[1]!.name}`)!;
    console.log(
      `${tree}: trivial/following ${ratio.toFixed(3)} (the req/s ratio a CPU-bound server would show)`,
    );
  }
}

/**
 * With `--against`, the other tree's server first: a tree refuses a database that ran
 * migrations it does not know, so the newer tree (usually this one) must migrate last.
 * Servers started are added to `targets` at once, so the caller stops them whatever fails.
 */
async function startTargets(env: Record<string, string>, against: string, targets: Measured[]) {
  if (against) {
    // The other checkout's own launcher, so its server runs its own code.
    const spawner = path.resolve(against, 'packages/cli/src/spawn.ts');
    const other = (await import(spawner)) as { startPlaza: typeof startServer };
    const server = await other.startPlaza(env, PORT + 1);
    targets.push({ tree: 'against', server, pid: serverPid(PORT + 1) });
  }
  const server = await startServer(env, PORT);
  targets.unshift({ tree: 'this', server, pid: serverPid(PORT) });
}

export async function run(args: string[]): Promise<void> {
  const { common, values } = commonArgs(args, {
    accounts: { type: 'string', default: '2000' },
    notes: { type: 'string', default: '40000' },
    sessions: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '40000' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string', default: '' },
    against: { type: 'string', default: '' },
  });
  const fixture = fixtureFromFlags(values);
  const settings: Settings = {
    only: values.only ?? '',
    requests: Number(values.requests),
    rounds: Number(values.rounds),
    connections: common.connections,
  };
  for (const db of common.db) {
    const target = await prepareDatabase(db, common.postgresUrl);
    try {
      console.log(`${db}: seeded in ${(await seedDatabase(target, fixture)).toFixed(1)} s`);
      const env = {
        PLAZA_DATABASE_URL: target.url,
        PLAZA_DATA_DIR: target.dataDir,
        PLAZA_ADMIN_PASSWORD: 'bench-admin-password',
      };
      const targets: Measured[] = [];
      try {
        await startTargets(env, values.against ?? '', targets);
        await measureAll(targets, fixture, settings);
      } finally {
        for (const t of targets) await t.server.stop();
      }
    } finally {
      await target.drop();
    }
  }
}

await run(process.argv.slice(2));
