import { ApiError } from '../api/client.ts';

/** The catalog key (under `pages.upload`) that says why an upload failed. */
export type UploadErrorKey =
  | 'tooLarge'
  | 'unsupported'
  | 'tooManyPixels'
  | 'busy'
  | 'rateLimited'
  | 'network'
  | 'failed';

// The media route's problem codes (community/src/media, kernel/http/problem.ts).
const BY_CODE: Record<string, UploadErrorKey> = {
  payload_too_large: 'tooLarge',
  unsupported_image: 'unsupported',
  unsupported_media_type: 'unsupported',
  file_required: 'unsupported',
  image_too_large: 'tooManyPixels',
  uploads_busy: 'busy',
  rate_limited: 'rateLimited',
};

/**
 * Why an upload failed, from the server's problem code — never its English detail.
 * @example uploadErrorKey(new ApiError({ code: 'uploads_busy', status: 503, … })) // 'busy'
 */
export function uploadErrorKey(error: unknown): UploadErrorKey {
  if (error instanceof ApiError) return BY_CODE[error.code] ?? (error.status === 413 ? 'tooLarge' : 'failed');
  // fetch rejects with a TypeError when the request never got an answer.
  if (error instanceof TypeError) return 'network';
  return 'failed';
}

/** Whether sending the same file again may work (not for a file the server will always refuse). */
export const isRetryable = (key: UploadErrorKey): boolean =>
  key === 'busy' || key === 'rateLimited' || key === 'network' || key === 'failed';
