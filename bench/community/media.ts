import fs from 'node:fs/promises';
import path from 'node:path';
import { type IdGenerator, ManualClock } from '@plaza/kernel';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { createMediaService, toImageView } from '../../packages/community/src/media/service.ts';
import { createDiskStorage } from '../../packages/community/src/media/storage.ts';
import {
  createMediaStore,
  type MediaRow,
  type MediaTables,
} from '../../packages/community/src/media/store.ts';
import type { Sink } from './bulk.ts';
import type { Accounts } from './fixture.ts';

const BASE_IMAGES = 8;
const PALETTE = ['#f4a261', '#2a9d8f', '#e76f51', '#264653', '#e9c46a', '#8ab17d', '#b5838d', '#6d597a'];

/** A 1080×1350 photo-like JPEG (gradient and shapes; no text, so no fonts are needed). */
function baseImage(index: number): Promise<Buffer> {
  const a = PALETTE[index % PALETTE.length]!;
  const b = PALETTE[(index + 3) % PALETTE.length]!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1350">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
    <rect width="1080" height="1350" fill="url(#g)"/>
    <circle cx="${300 + index * 60}" cy="${420 + index * 40}" r="${160 + index * 12}" fill="#ffffff" fill-opacity="0.35"/>
    <rect x="140" y="${820 - index * 20}" width="800" height="320" rx="48" fill="#000000" fill-opacity="0.18"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** Where the media module's disk storage keeps a file (`keyOf` in media/service.ts). */
const fileOf = (mediaDir: string, id: string, file: string) => path.join(mediaDir, id.slice(-2), id, file);

/** File names of an image's variants, as the module names them in its URLs. */
const filesOf = (row: MediaRow) => Object.values(toImageView(row).urls).map((url) => path.basename(url));

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/**
 * Every account's uploads. The first few go through the media service itself (sharp
 * re-encoding, variants, disk layout, row), with its id generator and clock set to the
 * fixture's ids and times; every other upload is a copy of one of those, hard-linked into
 * the same layout under its own id and stored as its own row, so each note shows its
 * author's own images and every image URL serves real bytes.
 */
export async function loadMedia(
  db: Kysely<MediaTables>,
  mediaDir: string,
  accounts: Accounts,
  sink: Sink,
): Promise<number> {
  const slots = accounts.mediaIds
    .flatMap((ids, owner) => ids.map((id, j) => ({ id, owner, j })))
    .map((slot, index) => ({ ...slot, index }));
  const clock = new ManualClock();
  let nextId = '';
  const ids: IdGenerator = { next: () => nextId };
  const service = createMediaService({
    store: createMediaStore(db),
    storage: createDiskStorage(mediaDir),
    ids,
    clock,
    maxPixels: 100_000_000,
  });
  const bases: MediaRow[] = [];
  for (const slot of slots.slice(0, BASE_IMAGES)) {
    nextId = slot.id;
    clock.set(accounts.createdAt[slot.owner]! + 60_000 * (slot.j + 1));
    await service.upload(accounts.ids[slot.owner]!, await baseImage(bases.length));
    const [row] = await createMediaStore(db).byIds([slot.id]);
    bases.push(row!);
  }
  const copies = slots.slice(BASE_IMAGES);
  await inBatches(copies, 64, async (slot) => {
    const base = bases[slot.index % bases.length]!;
    await fs.mkdir(path.join(mediaDir, slot.id.slice(-2), slot.id), { recursive: true });
    for (const file of filesOf(base))
      await fs.link(fileOf(mediaDir, base.id, file), fileOf(mediaDir, slot.id, file));
  });
  for (const slot of copies) {
    const base = bases[slot.index % bases.length]!;
    await sink.push([
      slot.id,
      accounts.ids[slot.owner]!,
      base.mime,
      base.width,
      base.height,
      base.bytes,
      accounts.createdAt[slot.owner]! + 60_000 * (slot.j + 1),
    ]);
  }
  await sink.end();
  return slots.length;
}
