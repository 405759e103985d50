import type { Platform } from '@plaza/kernel';
import type { ImageView } from '../contracts.ts';
import { createMediaModule } from './module.ts';

/**
 * Uploads stamped by `serving`'s clock, for a seeder whose own clock is moved into the past.
 * The sweep judges an upload's age by its stamp against the serving clock: stamped by the
 * seeder's clock, a picture uploaded a second ago would look days old and could be deleted
 * before the note that claims it is posted. Only the stamp (and the id's time) differ: the
 * pictures go through the same image rules and into the same storage.
 */
export function uploadsOnServingClock(
  serving: Platform,
): (ownerId: string, bytes: Buffer) => Promise<ImageView> {
  const { service } = createMediaModule(serving);
  return (ownerId, bytes) => service.upload(ownerId, bytes);
}
