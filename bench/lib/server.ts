import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a Plaza process of its own, so the load generator (this process) and the server
 * never share an event loop.
 */
export async function startServer(env: Record<string, string>, port: number): Promise<RunningServer> {
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
        PLAZA_WEB_DIR: path.join(ROOT, 'bench/no-web'),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child);
  return { url, stop: () => stop(child) };
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server did not become ready in 120 s');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}
