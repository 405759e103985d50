import { availableParallelism } from 'node:os';
import { type Clock, type IdGenerator, keysetRows, mapRows, ValidationError } from '@plaza/kernel';
import type { AccountDataContributor, Executor, ImageView, MediaApi } from '../contracts.ts';
import { inspectImage, renderImage, VARIANT_WIDTHS, type VariantName } from './image.ts';
import { createWorkPool, type WorkPool } from './pool.ts';
import type { MediaStorage } from './storage.ts';
import type { MediaRow, MediaStore } from './store.ts';

/** The two steps of reading an upload; tests swap them to see which ran. */
export interface ImageSteps {
  inspect: typeof inspectImage;
  render: typeof renderImage;
}

export interface MediaDeps {
  store: MediaStore;
  storage: MediaStorage;
  ids: IdGenerator;
  clock: Clock;
  /** Decoded pixels allowed per upload, every frame counted. */
  maxPixels: number;
  /** Where image work waits its turn; by default one worker per core and 32 waiting. */
  pool?: WorkPool;
  /** An upload no note or profile claimed within this long is deleted by `sweepUnattached`. */
  unattachedMaxAgeMs?: number;
  images?: ImageSteps;
}

const DAY_MS = 86_400_000;
// Rows deleted per statement by the sweep: bounded like every batch, small enough that the
// delete never holds the table for long.
const SWEEP_BATCH = 500;

const EXT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};
const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VARIANT_FILE_RE = /^(thumb|large)\.webp$|^original\.(jpg|png|webp|gif)$/;

function extOf(mime: string): string {
  const found = Object.entries(EXT_TYPES).find(([, type]) => type === mime);
  if (!found) throw new Error(`No file extension for stored type ${mime}`);
  return found[0];
}

/** Files of one image, by variant name. */
function filesOf(row: Pick<MediaRow, 'mime'>): Record<string, string> {
  const files: Record<string, string> = { original: `original.${extOf(row.mime)}` };
  for (const name of Object.keys(VARIANT_WIDTHS) as VariantName[]) files[name] = `${name}.webp`;
  return files;
}

/** Where an image's stripped original sits in the export archive's `media/` folder. */
const originalPath = (row: Pick<MediaRow, 'id' | 'mime'>) => `originals/${row.id}.${extOf(row.mime)}`;

// The last characters of a UUIDv7 are random, so they spread images evenly over 256 folders.
const keyOf = (id: string, file: string) => `${id.slice(-2)}/${id}/${file}`;

export function toImageView(row: MediaRow): ImageView {
  const urls: Record<string, string> = {};
  for (const [name, file] of Object.entries(filesOf(row))) urls[name] = `/media/${row.id}/${file}`;
  return { id: row.id, width: row.width, height: row.height, urls };
}

export function createMediaService({
  store,
  storage,
  ids,
  clock,
  maxPixels,
  pool = createWorkPool({ workers: availableParallelism(), queueLimit: 32 }),
  unattachedMaxAgeMs = DAY_MS,
  images = { inspect: inspectImage, render: renderImage },
}: MediaDeps) {
  const keysOf = (row: Pick<MediaRow, 'id' | 'mime'>) =>
    Object.values(filesOf(row)).map((file) => keyOf(row.id, file));

  async function removeOwned(ownerId: string, db?: Executor) {
    const rows = await store.byOwner(ownerId, db);
    await store.deleteByOwner(ownerId, db);
    // Files go after the rows: a row never points at a missing file. Inside a transaction
    // that later rolls back the files are already gone; erasure never rolls back by design.
    await storage.delete(rows.flatMap(keysOf));
  }

  const api: MediaApi = {
    async claimForOwner(ownerId, mediaIds, db) {
      const unique = [...new Set(mediaIds)];
      // First, so the claimer's transaction holds the rows against the sweep (see markAttached).
      await store.markAttached(ownerId, unique, db);
      const rows = new Map((await store.byIds(unique, db)).map((r) => [r.id, r]));
      const bad = mediaIds.flatMap((id, index) => (rows.get(id)?.owner_id === ownerId ? [] : [index]));
      if (bad.length > 0) {
        throw new ValidationError(
          'Some images are not your uploads.',
          [
            {
              field: '/mediaIds',
              code: 'not_your_upload',
              params: { items: bad.join(', ') },
              message: `items ${bad.join(', ')} are not images you uploaded`,
            },
          ],
          'media_not_owned',
        );
      }
      return mediaIds.map((id) => toImageView(rows.get(id)!));
    },
    async imagesByIds(mediaIds, db) {
      const rows = await store.byIds([...new Set(mediaIds)], db);
      return new Map(rows.map((r) => [r.id, toImageView(r)]));
    },
    deleteOwnedBy: (ownerId, db) => removeOwned(ownerId, db),
  };

  const contributor: AccountDataContributor = {
    name: 'media',
    // The list first, then each original as its own file (stored bytes, not base64): the
    // archive holds one page of rows and one file's read buffer at a time.
    async write(accountId, sink) {
      const pages = () => keysetRows(store.pageByOwner(accountId));
      await sink.lines(
        'media.jsonl',
        mapRows(pages(), (row) => ({
          id: row.id,
          mime: row.mime,
          width: row.width,
          height: row.height,
          bytes: row.bytes,
          createdAt: row.created_at,
          file: originalPath(row),
        })),
      );
      for await (const row of pages()) {
        await sink.file(originalPath(row), async () => {
          const object = await storage.get(keyOf(row.id, filesOf(row).original!));
          return object?.stream;
        });
      }
    },
    erase: (accountId, db) => removeOwned(accountId, db),
  };

  return {
    ...api,
    contributor,

    /**
     * Stores an upload's stripped original and its variants; answers the new image. The
     * header is checked against the pixel budget before the upload waits for a worker, so a
     * refused file costs neither a decode nor a place in line.
     */
    async upload(ownerId: string, bytes: Buffer): Promise<ImageView> {
      const header = await images.inspect(bytes, { maxPixels });
      const image = await pool.run(() => images.render(bytes, header, { maxPixels }));
      const row: MediaRow = {
        id: ids.next(),
        owner_id: ownerId,
        mime: image.mime,
        width: image.width,
        height: image.height,
        bytes: image.original.length,
        created_at: clock.nowMs(),
        attached: 0,
      };
      const files = filesOf(row);
      const written: string[] = [];
      try {
        for (const [name, data] of [
          ['original', image.original],
          ...Object.entries(image.variants),
        ] as const) {
          const key = keyOf(row.id, files[name]!);
          await storage.put(key, data);
          written.push(key);
        }
        await store.insert(row);
      } catch (err) {
        await storage.delete(written);
        throw err;
      }
      return toImageView(row);
    },

    /**
     * Deletes uploads nobody claimed within the allowed age, rows first and then their files
     * (a row never points at a missing file); answers how many went.
     */
    async sweepUnattached(): Promise<number> {
      const beforeMs = clock.nowMs() - unattachedMaxAgeMs;
      let deleted = 0;
      for (;;) {
        const candidates = await store.unattachedBefore(beforeMs, SWEEP_BATCH);
        const gone = await store.deleteUnattached(
          candidates.map((c) => c.id),
          beforeMs,
        );
        await storage.delete(gone.flatMap(keysOf));
        deleted += gone.length;
        if (candidates.length < SWEEP_BATCH) return deleted;
      }
    },

    /** A stored file by its URL name (`thumb.webp`, `original.jpg`), or undefined. */
    async open(id: string, file: string) {
      // Ids are stored lower-case; any other spelling names no file.
      if (!ID_RE.test(id) || !VARIANT_FILE_RE.test(file)) return undefined;
      const object = await storage.get(keyOf(id, file));
      if (!object) return undefined;
      const ext = file.slice(file.lastIndexOf('.') + 1);
      return { ...object, contentType: EXT_TYPES[ext]! };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
