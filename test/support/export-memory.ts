import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDatabase } from '@plaza/kernel';
import { freePort, type PlazaProcess, startPlaza } from '../../packages/cli/src/spawn.ts';
import type { MediaTables } from '../../packages/community/src/media/store.ts';
import { noisyJpeg, seedOriginals } from './large-account.ts';

/** What one export of a large account cost the server process that served it. */
export interface ExportMemoryFigures {
  /** Bytes of stored originals the account owns. */
  accountBytes: number;
  originals: number;
  /** Bytes of the downloaded archive. */
  archiveBytes: number;
  /** Resident memory of the server just before the download (after a warm-up export). */
  baselineRssBytes: number;
  /** The most resident memory the server had while serving it (VmHWM, reset just before). */
  peakRssBytes: number;
  growthBytes: number;
  downloadMs: number;
  /** The downloaded archive, for the caller to check. */
  archivePath: string;
  /** The seeded images by media id, to compare with the archive. */
  imagesById: Map<string, Buffer>;
}

const KIB = 1024;

function statusKib(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

async function signUp(url: string, handle: string): Promise<{ id: string; token: string }> {
  const res = await fetch(`${url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      handle,
      email: `${handle}@example.test`,
      password: 'correct horse battery',
      language: 'en',
    }),
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; token: string };
}

async function download(url: string, token: string, file: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/me/export`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`export failed: ${res.status}`);
  // biome-ignore lint/suspicious/noExplicitAny: web ReadableStream to node stream; the DOM and node typings of it differ
  await pipeline(Readable.fromWeb(res.body as any), fs.createWriteStream(file));
  return fs.statSync(file).size;
}

/**
 * Starts Plaza (SQLite) as a process of its own under `dir`, gives one account about
 * `megabytes` of original images through the media module's store and disk layout, then
 * downloads that account's export and reads how much the server's resident memory rose.
 */
export async function measureExportMemory(dir: string, megabytes: number): Promise<ExportMemoryFigures> {
  const dataDir = path.join(dir, 'data');
  let server: PlazaProcess | undefined;
  try {
    server = await startPlaza({ PLAZA_DATA_DIR: dataDir }, await freePort());
    const images = [await noisyJpeg()];
    const database = createDatabase<MediaTables>(`sqlite:${path.join(dataDir, 'plaza.sqlite')}`);
    const seed = async (handle: string, mib: number) => {
      const account = await signUp(server!.url, handle);
      const count = Math.ceil((mib * KIB * KIB) / images[0]!.length);
      const mediaDir = path.join(dataDir, 'media');
      return { account, ...(await seedOriginals(database.db, mediaDir, account.id, images, count)) };
    };
    const owner = await seed('large_account', megabytes);
    // The warm-up account: a quarter of the size, so a growth that followed the account's size
    // would still show on the large one.
    const warm = await seed('warm_up', megabytes / 4);
    await database.destroy();
    const imagesById = new Map(owner.ids.map((id, i) => [id, images[i % images.length]!]));

    // An export first: code loaded on first use and V8's young generation grown to its working
    // size under a download's allocation rate are the process's, not this export's.
    await download(server.url, warm.account.token, path.join(dir, 'warm-up.zip'));

    const baselineRssBytes = statusKib(server.pid, 'VmRSS') * KIB;
    // Writing 5 resets the peak resident size (VmHWM) to the current one.
    fs.writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
    const archivePath = path.join(dir, 'export.zip');
    const started = performance.now();
    const archiveBytes = await download(server.url, owner.account.token, archivePath);
    const downloadMs = performance.now() - started;
    const peakRssBytes = statusKib(server.pid, 'VmHWM') * KIB;
    return {
      accountBytes: owner.bytes,
      originals: owner.ids.length,
      archiveBytes,
      baselineRssBytes,
      peakRssBytes,
      growthBytes: peakRssBytes - baselineRssBytes,
      downloadMs,
      archivePath,
      imagesById,
    };
  } finally {
    await server?.stop();
  }
}
