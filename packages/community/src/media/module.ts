import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import { registerMediaRoutes } from './routes.ts';
import { createMediaService } from './service.ts';
import { createDiskStorage, type MediaStorage } from './storage.ts';
import { createMediaStore, type MediaTables } from './store.ts';

// About 100 megapixels: larger than any phone photo, small enough that decoding one image
// cannot exhaust memory.
const MAX_PIXELS = 100_000_000;

/** The media module; `storage` defaults to files under PLAZA_DATA_DIR/media. */
export function createMediaModule(platform: Platform, storage?: MediaStorage) {
  const service = createMediaService({
    store: createMediaStore(tables<MediaTables>(platform)),
    storage: storage ?? createDiskStorage(platform.config.mediaDir),
    ids: platform.ids,
    clock: platform.clock,
    maxPixels: MAX_PIXELS,
  });
  return {
    service,
    register: (app: PlazaApp) => registerMediaRoutes(app, service, platform.config.maxUploadMb),
  };
}
