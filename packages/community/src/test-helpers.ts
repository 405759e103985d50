/**
 * Helpers for Community tests: real images made locally with sharp, uploaded and posted
 * through the HTTP API like a client would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlazaApp } from '@plaza/kernel';
import { bearer } from '@plaza/kernel/testing';
import sharp from 'sharp';
import type { NoteView } from './contracts.ts';

export interface TestImageOptions {
  width?: number;
  height?: number;
  format?: 'jpeg' | 'png' | 'webp' | 'gif';
  /** Any CSS colour sharp understands. */
  color?: string;
  /** Writes EXIF with a GPS position (Taipei 101) and a camera make, as a phone would. */
  gps?: boolean;
  /** EXIF orientation 1–8 (6 = the camera was turned; viewers rotate 90° clockwise). */
  orientation?: number;
}

/** An image file's bytes, made locally. */
export async function makeTestImage(opts: TestImageOptions = {}): Promise<Buffer> {
  const { width = 64, height = 48, format = 'jpeg', color = '#e0604f' } = opts;
  let image = sharp({ create: { width, height, channels: 3, background: color } }).toFormat(format);
  if (opts.gps) {
    image = image.withExif({
      IFD0: { Make: 'PlazaCam', Model: 'Test 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '25/1 2/1 1/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 33/1 54/1',
      },
    });
  }
  if (opts.orientation) image = image.withMetadata({ orientation: opts.orientation });
  return image.toBuffer();
}

/** A multipart/form-data request body with one file, for `app.inject`. */
export function multipartFile(
  data: Buffer,
  options: { field?: string; filename?: string; contentType?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const { field = 'file', filename = 'photo.jpg', contentType = 'image/jpeg' } = options;
  const boundary = `----plaza${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
    `Content-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads an image (a fresh test image unless given) and answers its media id. */
export async function uploadTestImage(app: PlazaApp, token: string, image?: Buffer): Promise<string> {
  const { payload, headers } = multipartFile(image ?? (await makeTestImage()));
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/media',
    payload,
    headers: { ...headers, ...bearer(token) },
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: string }).id;
}

export interface TestNoteInput {
  title?: string;
  body?: string;
  mediaIds?: string[];
  topics?: string[];
  status?: 'published' | 'draft';
}

/** Posts a note through the API (uploading one image unless `mediaIds` is given). */
export async function createTestNote(
  app: PlazaApp,
  token: string,
  overrides: TestNoteInput = {},
): Promise<NoteView> {
  const mediaIds = overrides.mediaIds ?? [await uploadTestImage(app, token)];
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/notes',
    payload: { title: 'A test note', body: '', topics: [], ...overrides, mediaIds },
    headers: bearer(token),
  });
  if (response.statusCode !== 201) throw new Error(`note failed: ${response.statusCode} ${response.body}`);
  return response.json() as NoteView;
}

/** Env for `createTestServer` that keeps uploaded files in a fresh temporary folder. */
export function testMediaEnv(): Record<string, string> {
  return { PLAZA_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'plaza-test-')) };
}
