import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_DIR = path.join(WEB_DIR, 'dist');

function newestMtimeMs(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry))
    newest = Math.max(newest, newestMtimeMs(path.join(entry, child)));
  return newest;
}

/** True when dist/ is missing or older than any source the bundle is made from. */
export function distIsStale(): boolean {
  const built = path.join(DIST_DIR, 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(WEB_DIR, p));
  return Math.max(...sources.map(newestMtimeMs)) > fs.statSync(built).mtimeMs;
}

/** Builds the web app with Vite when dist/ is stale, so the test always drives the current code. */
export async function ensureWebBuilt(): Promise<void> {
  if (!distIsStale()) return;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which Vite would bake in as a development React build; the
  // test must drive the same bundle `npm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_DIR,
      configFile: path.join(WEB_DIR, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
