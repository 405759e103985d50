import { createIdGenerator, systemClock } from '@plaza/kernel';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { createDiskStorage } from '../../packages/community/src/media/storage.ts';
import { createMediaStore, type MediaTables } from '../../packages/community/src/media/store.ts';

/**
 * A photo-sized JPEG of noise at high quality: noise does not compress, so a few of these
 * make tens of megabytes of real image files.
 */
export function noisyJpeg(width = 1600, height = 1200, seedColor = 128): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: seedColor, g: 64, b: 200 },
      noise: { type: 'gaussian', mean: seedColor, sigma: 60 },
    },
  })
    .jpeg({ quality: 95 })
    .toBuffer();
}

/**
 * Gives an account `count` stored originals, written the way the media module stores them
 * (its store for the row, its disk storage under `mediaDir` for the file, the same key layout),
 * without decoding and re-encoding each: the export streams stored bytes and never decodes them.
 * Answers the ids, in upload order, and the total bytes written.
 */
export async function seedOriginals(
  db: Kysely<MediaTables>,
  mediaDir: string,
  ownerId: string,
  images: readonly Buffer[],
  count: number,
): Promise<{ ids: string[]; bytes: number }> {
  const store = createMediaStore(db);
  const storage = createDiskStorage(mediaDir);
  const ids = createIdGenerator(systemClock);
  const seeded: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const image = images[i % images.length]!;
    const id = ids.next();
    // The media module's key layout (`keyOf` in media/service.ts): last two id characters first.
    await storage.put(`${id.slice(-2)}/${id}/original.jpg`, image);
    await store.insert({
      id,
      owner_id: ownerId,
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
      bytes: image.length,
      created_at: systemClock.nowMs(),
      attached: 1,
    });
    seeded.push(id);
    bytes += image.length;
  }
  return { ids: seeded, bytes };
}
