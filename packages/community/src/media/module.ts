import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import { createWorkPool } from './pool.ts';
import { registerMediaRoutes } from './routes.ts';
import { createMediaService } from './service.ts';
import { createDiskStorage, type MediaStorage } from './storage.ts';
import { createMediaStore, type MediaTables } from './store.ts';
import { scheduleMediaSweep } from './sweep.ts';

/** The media module; `storage` defaults to files under PLAZA_DATA_DIR/media. */
export function createMediaModule(platform: Platform, storage?: MediaStorage) {
  const { config } = platform;
  const service = createMediaService({
    store: createMediaStore(tables<MediaTables>(platform)),
    storage: storage ?? createDiskStorage(config.mediaDir),
    ids: platform.ids,
    clock: platform.clock,
    maxPixels: config.uploadMaxPixels,
    pool: createWorkPool({ workers: config.uploadWorkers, queueLimit: config.uploadQueueLimit }),
    unattachedMaxAgeMs: config.mediaUnattachedHours * 3_600_000,
  });
  return {
    service,
    async register(app: PlazaApp) {
      await registerMediaRoutes(app, service, {
        maxUploadMb: config.maxUploadMb,
        rateLimiter: platform.rateLimiter,
        perAccountPerHour: config.uploadsPerAccountPerHour,
        perIpPerHour: config.uploadsPerIpPerHour,
      });
      // Serving processes sweep, from when they listen: `plaza start` seeds demo data before
      // it listens, under a clock moved across years, and the seeder uploads pictures ahead
      // of the notes that claim them.
      let stopSweep: (() => void) | undefined;
      app.addHook('onListen', async () => {
        stopSweep = scheduleMediaSweep(
          () => service.sweepUnattached(),
          config.mediaSweepMinutes * 60_000,
          platform.logger,
        );
      });
      app.addHook('onClose', async () => stopSweep?.());
    },
  };
}
