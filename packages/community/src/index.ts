import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccountExports, PlazaProduct } from '@plaza/kernel';
import { type CommunityModules, createCommunityModules } from './modules.ts';

export { accountDirectory } from './accounts/account-directory.ts';
export * from './contracts.ts';
export { uploadsOnServingClock } from './media/real-clock-uploads.ts';
export type { CommunityModules } from './modules.ts';

const SRC = path.dirname(fileURLToPath(import.meta.url));

export interface CommunityProductOptions {
  /** The account export's contributors, shared with the other products of the process. */
  accountExports?: AccountExports;
}

/** Plaza Community as a product a Plaza process serves. `onReady` hands out the built modules (seeding, tests). */
export function communityProduct(
  onReady?: (modules: CommunityModules) => void,
  options: CommunityProductOptions = {},
): PlazaProduct {
  return {
    name: 'community',
    migrationRoots: [SRC],
    async register(app, platform) {
      const modules = createCommunityModules(platform, { accountExports: options.accountExports });
      await modules.register(app);
      onReady?.(modules);
    },
  };
}
