import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** A stored file, opened for reading. */
export interface StoredObject {
  stream: Readable;
  bytes: number;
}

/**
 * Where image bytes live. Keys are slash-separated relative names (`ab/<id>/thumb.webp`), so
 * an S3-compatible backend can map them to object keys one to one.
 */
export interface MediaStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** The object, or undefined when no such key exists. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Removes the keys; missing keys are not an error. */
  delete(keys: string[]): Promise<void>;
}

const KEY_RE = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9.-]*)*$/;

function checkKey(key: string): string {
  // Keys come from our own code, but a request path feeds part of them: refuse anything
  // that could step outside the root.
  if (!KEY_RE.test(key) || key.includes('..')) throw new Error(`Invalid media storage key: ${key}`);
  return key;
}

/** Files under one folder (embedded mode). */
export function createDiskStorage(root: string): MediaStorage {
  const fileOf = (key: string) => path.join(root, ...checkKey(key).split('/'));
  return {
    async put(key, data) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file and a crash leaves no torn image.
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.writeFile(temp, data);
      await fs.rename(temp, file);
    },
    async get(key) {
      const file = fileOf(key);
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat?.isFile()) return undefined;
      return { stream: createReadStream(file), bytes: stat.size };
    },
    async delete(keys) {
      const folders = new Set<string>();
      for (const key of keys) {
        const file = fileOf(key);
        await fs.rm(file, { force: true });
        folders.add(path.dirname(file));
      }
      // Empty per-image folders are removed so erased accounts leave no trace in the tree.
      for (const folder of folders) await fs.rmdir(folder).catch(() => undefined);
    },
  };
}
