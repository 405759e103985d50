import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnPlazaCommand } from '../spawn.ts';
import { buildPlan, DEFAULT_SEED_OPTIONS } from './plan.ts';
import type { SeedStatus } from './progress.ts';

/** A pino line of the child's standard output; `time` is the server's own clock (epoch ms). */
interface LogLine {
  time: number;
  msg: string;
  [field: string]: unknown;
}

/** Reads a child's JSON log lines as they come and answers when one matches. */
class LogWatch {
  readonly lines: LogLine[] = [];
  readonly text: string[] = [];
  private waiters: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];

  constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (raw) => this.take(raw));
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  }

  private take(raw: string): void {
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch {
      this.text.push(raw);
      return;
    }
    this.lines.push(line);
    const matched = this.waiters.filter((w) => w.match(line));
    this.waiters = this.waiters.filter((w) => !matched.includes(w));
    for (const waiter of matched) waiter.resolve(line);
  }

  find(match: (l: LogLine) => boolean): LogLine | undefined {
    return this.lines.find(match);
  }

  waitFor(match: (l: LogLine) => boolean, what: string): Promise<LogLine> {
    const seen = this.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      this.waiters.push({ match, resolve });
      this.child.once('exit', (code) => reject(new Error(`Plaza exited (${code}) before logging ${what}`)));
    });
  }
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function plaza(args: string[], dataDir: string): { child: ChildProcess; log: LogWatch } {
  const child = spawnPlazaCommand(args, {
    PLAZA_DATA_DIR: dataDir,
    PLAZA_PORT: '0',
    PLAZA_LOG_LEVEL: 'info',
    PLAZA_SEED_DEMO: 'true',
    PLAZA_WEB_DIR: path.join(dataDir, 'no-web-app-here'),
  });
  children.push(child);
  return { child, log: new LogWatch(child) };
}

const isListening = (l: LogLine) => l.msg.startsWith('Plaza is running');
const isSeedFinished = (l: LogLine) => l.msg === 'demo data: seed finished';

async function getJson<T>(url: string): Promise<{ at: number; body: T }> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return { body: (await response.json()) as T, at: Date.now() };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

describe('plaza start on an empty data folder', () => {
  it('answers before the demo data is seeded, shows the seed progressing, and finishes it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-first-start-'));
    dirs.push(dataDir);
    const spawnedAt = Date.now();
    const { child, log } = plaza(['start'], dataDir);
    const listening = await log.waitFor(isListening, 'that it listens');
    const url = `http://127.0.0.1:${listening.port as number}`;
    const health = await getJson<{ status: string }>(`${url}/healthz`);
    const during = await getJson<SeedStatus>(`${url}/api/v1/status/seed`);
    // The server itself says the seed had not finished when it answered.
    expect(during.body.state).toBe('running');
    const home = await getJson<{ items: unknown[] }>(`${url}/api/v1/feed/discover`);
    expect(Array.isArray(home.body.items)).toBe(true);

    // Answers keep coming while the seed runs; their latency is recorded, not asserted.
    const latenciesMs: number[] = [];
    let notesSeen = during.body.notes.done;
    while (!log.find(isSeedFinished) && child.exitCode === null) {
      const asked = performance.now();
      const status = await getJson<SeedStatus>(`${url}/api/v1/status/seed`);
      latenciesMs.push(performance.now() - asked);
      expect(status.body.notes.done).toBeGreaterThanOrEqual(notesSeen);
      notesSeen = status.body.notes.done;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const finished = await log.waitFor(isSeedFinished, 'the end of the seed');
    expect(health.at).toBeLessThan(finished.time);

    const after = await getJson<SeedStatus>(`${url}/api/v1/status/seed`);
    const plan = buildPlan(Date.now(), DEFAULT_SEED_OPTIONS);
    expect(after.body).toEqual({
      state: 'done',
      notes: { done: plan.notes.length, planned: plan.notes.length },
      accounts: { done: plan.accounts.length, planned: plan.accounts.length },
    });
    expect(log.text.some((t) => t.startsWith('Admin account created'))).toBe(true);
    const seedStarted = log.find((l) => l.msg === 'seeding demo data');
    const sorted = [...latenciesMs].sort((a, b) => a - b);
    console.info(
      `first start: listening after ${seconds(listening.time - spawnedAt)} s, first answer after ` +
        `${seconds(health.at - spawnedAt)} s, seed finished after ${seconds(finished.time - spawnedAt)} s ` +
        `(seeding itself ${seconds(finished.time - (seedStarted?.time ?? spawnedAt))} s); status answered in ` +
        `${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms median, ${Math.round(sorted.at(-1) ?? 0)} ms max ` +
        `(${sorted.length} asks while seeding)`,
    );
    child.kill('SIGTERM');
  }, 600_000);
});

describe('a seed killed half-way', () => {
  it('is erased and seeded again by the next run, leaving exactly the planned community', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-seed-kill-'));
    dirs.push(dataDir);
    const scale = 0.1;
    const first = plaza(['seed', `--scale=${scale}`], dataDir);
    await first.log.waitFor((l) => l.msg === 'seeding demo data: 30%', 'a third of the seed');
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');

    const again = plaza(['seed', `--scale=${scale}`], dataDir);
    const [code] = (await once(again.child, 'exit')) as [number];
    expect(code).toBe(0);
    const erased = again.log.find((l) => l.msg.startsWith('demo data: erased what an interrupted seed left'));
    expect(erased?.erased).toBeGreaterThan(0);
    expect(again.log.find(isSeedFinished)).toBeDefined();

    const server = plaza(['start'], dataDir);
    const listening = await server.log.waitFor(isListening, 'that it listens');
    const url = `http://127.0.0.1:${listening.port as number}`;
    // Seeded already: this start seeds nothing.
    expect((await getJson<SeedStatus>(`${url}/api/v1/status/seed`)).body.state).toBe('none');
    const plan = buildPlan(Date.now(), { ...DEFAULT_SEED_OPTIONS, scale });
    let notes = 0;
    for (const { persona } of plan.accounts) {
      const profile = await getJson<{ noteCount: number; avatarUrl: string | null }>(
        `${url}/api/v1/accounts/${persona.handle}`,
      );
      expect(profile.body.avatarUrl, persona.handle).not.toBeNull();
      notes += profile.body.noteCount;
    }
    expect(notes).toBe(plan.notes.length);
    server.child.kill('SIGTERM');
  }, 600_000);
});
