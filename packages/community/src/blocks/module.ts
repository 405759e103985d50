import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import { registerBlocksRoutes } from './routes.ts';
import { createBlocksService } from './service.ts';
import { type BlocksTables, createBlocksStore } from './store.ts';

export function createBlocksModule(platform: Platform) {
  const service = createBlocksService({
    store: createBlocksStore(tables<BlocksTables>(platform)),
    auth: platform.auth,
    clock: platform.clock,
    bus: platform.bus,
    invalidations: platform.invalidations,
    onRefreshError: (err) => platform.logger.warn({ err }, 'block list refresh failed'),
  });
  return { service, register: async (app: PlazaApp) => registerBlocksRoutes(app, service) };
}
