import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import { registerMerchantRoutes } from './routes.ts';
import { createMerchantDirectory, type MerchantDirectory, type MerchantEntry } from './service.ts';
import { createMerchantStore, type RewardsMerchantTables } from './store.ts';

/**
 * The merchant directory of a Plaza process: adds the `seed` merchants the tables lack (every
 * start, like the program's first-start load; names the bank changed stay), serves its routes.
 */
export async function openMerchantDirectory(
  app: PlazaApp,
  platform: Platform,
  seed: readonly MerchantEntry[],
): Promise<MerchantDirectory> {
  const store = createMerchantStore(tables<RewardsMerchantTables>(platform));
  const directory = createMerchantDirectory({ store, clock: platform.clock });
  await directory.seed(seed);
  registerMerchantRoutes(app, directory);
  return directory;
}
