import { api } from './client.ts';
import type { Media } from './types.ts';

/** Uploads one image; the server sniffs its type, strips EXIF and makes the variants. */
export function uploadMedia(file: File): Promise<Media> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<Media>('POST', '/api/v1/media', form);
}
