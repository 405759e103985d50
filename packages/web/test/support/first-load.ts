import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR } from './build.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

export interface FirstLoadFile {
  file: string;
  bytes: number;
  brotli: number;
  gzip: number;
}

function sizeOf(file: string): FirstLoadFile {
  const full = path.join(DIST_DIR, file);
  const size = (suffix: string) =>
    fs.existsSync(full + suffix) ? fs.statSync(full + suffix).size : Number.NaN;
  return { file, bytes: fs.statSync(full).size, brotli: size('.br'), gzip: size('.gz') };
}

/**
 * The JavaScript a first visit downloads before the app can run: index.html's entry and every
 * chunk it imports statically (Vite's build manifest), without the chunks pages load on demand.
 */
export function firstLoadScripts(): FirstLoadFile[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(DIST_DIR, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const child of manifest[key]?.imports ?? []) visit(child);
  };
  entries.forEach(visit);
  return [...seen].map((key) => sizeOf(manifest[key]!.file));
}
