/**
 * CPU per demo picture, piece by piece: drawing (SVG → JPEG) at two sizes, and the media
 * module's upload processing with its encoder choices. One picture at a time, so
 * `process.cpuUsage()` (every thread of the process) charges each piece alone.
 *
 *   node --import tsx bench/seed-pictures.ts [pictures=60] [photo.jpg …]
 *
 * The seed's real pictures come from the demo plan; photos named on the command line are
 * measured too (a photo compresses differently from a flat drawing).
 */
import fs from 'node:fs';
import { loadavg } from 'node:os';
import sharp, { type Sharp } from 'sharp';
import { renderJpeg } from '../packages/cli/src/seed/images/render.ts';
import { buildPlan } from '../packages/cli/src/seed/plan.ts';
import { inspectImage, renderImage } from '../packages/community/src/media/image.ts';

const MAX_PIXELS = 50_000_000;

/** CPU milliseconds (user + system, all threads) and wall milliseconds of `work`. */
async function cpuOf<T>(work: () => Promise<T>): Promise<{ cpuMs: number; wallMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - start, value };
}

interface Row {
  piece: string;
  cpuMs: number[];
  bytes: number[];
}

function record(rows: Map<string, Row>, piece: string, cpuMs: number, bytes: number): void {
  const row = rows.get(piece) ?? { piece, cpuMs: [], bytes: [] };
  row.cpuMs.push(cpuMs);
  row.bytes.push(bytes);
  rows.set(piece, row);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Encoders compared for one decoded picture; each returns the encoded bytes. */
const ENCODINGS: Record<string, (open: () => Sharp) => Promise<Buffer>> = {
  'decode only (raw pixels)': (open) => open().raw().toBuffer(),
  'original jpeg q90 mozjpeg': (open) => open().jpeg({ quality: 90, mozjpeg: true }).toBuffer(),
  'original jpeg q90 libjpeg-turbo': (open) => open().jpeg({ quality: 90 }).toBuffer(),
  'original jpeg q90 turbo+optimizeCoding': (open) =>
    open().jpeg({ quality: 90, optimiseCoding: true }).toBuffer(),
  'webp 1080 q80 (effort 4)': (open) =>
    open().resize({ width: 1080, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer(),
  'webp 1080 q80 effort 3': (open) =>
    open().resize({ width: 1080, withoutEnlargement: true }).webp({ quality: 80, effort: 3 }).toBuffer(),
  'webp 1080 q80 effort 2': (open) =>
    open().resize({ width: 1080, withoutEnlargement: true }).webp({ quality: 80, effort: 2 }).toBuffer(),
  'webp 360 q80 (effort 4)': (open) => open().resize({ width: 360 }).webp({ quality: 80 }).toBuffer(),
  'webp 360 q80 effort 3': (open) =>
    open().resize({ width: 360 }).webp({ quality: 80, effort: 3 }).toBuffer(),
  'webp 360 q80 effort 2': (open) =>
    open().resize({ width: 360 }).webp({ quality: 80, effort: 2 }).toBuffer(),
};

async function measurePicture(rows: Map<string, Row>, label: string, bytes: Buffer): Promise<void> {
  const header = await inspectImage(bytes, { maxPixels: MAX_PIXELS });
  const whole = await cpuOf(() => renderImage(bytes, header, { maxPixels: MAX_PIXELS }));
  const stored =
    whole.value.original.length + whole.value.variants.large.length + whole.value.variants.thumb.length;
  record(rows, `${label}: renderImage (all files)`, whole.cpuMs, stored);
  const open = () => sharp(bytes, { pages: 1, page: 0 }).rotate();
  for (const [name, encode] of Object.entries(ENCODINGS)) {
    const run = await cpuOf(() => encode(open));
    record(rows, `${label}: ${name}`, run.cpuMs, run.value.length);
  }
}

async function main(): Promise<void> {
  const [countArg, ...photos] = process.argv.slice(2);
  const count = Number(countArg ?? 60);
  // The same libvips operation on the same input is cached; switch that off so repeats cost.
  sharp.cache(false);
  const specs = buildPlan(Date.UTC(2026, 0, 1))
    .notes.flatMap((n) => n.images)
    .slice(0, count);
  const rows = new Map<string, Row>();
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const spec of specs) {
    for (const [w, h] of [
      [600, 800],
      [540, 720],
    ] as const) {
      const drawn = await cpuOf(() => renderJpeg(spec, w, h));
      record(rows, `draw ${w}x${h}`, drawn.cpuMs, drawn.value.length);
      await measurePicture(rows, `seed ${w}x${h}`, drawn.value);
    }
  }
  for (const file of photos) {
    const bytes = fs.readFileSync(file);
    // Each photo a few times so its mean is steady.
    for (let i = 0; i < 10; i += 1) await measurePicture(rows, `photo ${file.split('/').pop()}`, bytes);
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('| piece | CPU ms (mean) | bytes (mean) | n |\n| --- | --- | --- | --- |');
  for (const row of rows.values()) {
    console.log(
      `| ${row.piece} | ${mean(row.cpuMs).toFixed(1)} | ${Math.round(mean(row.bytes))} | ${row.cpuMs.length} |`,
    );
  }
}

await main();
