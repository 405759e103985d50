import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Node flags of `plaza` commands run as commands (bin/plaza.js and the `plaza` npm script pass
 * the same; `npm start` and test servers run without them). A 64 MiB young generation: a
 * settlement import allocates a few kilobytes per event, and with the default 16 MiB V8
 * collected garbage for a fifth of the import process's CPU time; this cut it by a third.
 */
export const PLAZA_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** A Plaza server running as a process of its own, which a test may kill without warning. */
export interface PlazaProcess {
  url: string;
  /** The server's process id (memory measurements read /proc/<pid>). */
  pid: number;
  /** SIGKILL: no shutdown hooks, no flushing — what a power cut or an OOM kill does. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startPlaza(env: Record<string, string>, port: number): Promise<PlazaProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'packages/cli/src/main.ts'), 'start'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PLAZA_PORT: String(port),
        PLAZA_LOG_LEVEL: 'warn',
        PLAZA_SEED_DEMO: 'false',
        PLAZA_WEB_DIR: path.join(ROOT, 'no-web-app-here'),
        // Several test servers run at once; the default metrics port would be taken.
        PLAZA_METRICS_PORT: 'off',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child);
  return { url, pid: child.pid!, kill: () => end(child, 'SIGKILL'), stop: () => end(child, 'SIGTERM') };
}

/**
 * Runs another `plaza` command (an import, a migration) as a process of its own, with the
 * same environment rules as `startPlaza`; the caller reads its output, waits for it or kills it.
 */
export function spawnPlazaCommand(args: string[], env: Record<string, string>): ChildProcess {
  const main = path.join(ROOT, 'packages/cli/src/main.ts');
  return spawn(process.execPath, [...PLAZA_NODE_FLAGS, '--import', 'tsx', main, ...args], {
    cwd: ROOT,
    env: { ...process.env, PLAZA_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Plaza exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('Plaza did not become ready within 120 s');
}

function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}
