import type { Platform, PlazaApp } from '@plaza/kernel';
import { createBlocksModule } from './blocks/module.ts';
import type { AccountDataContributor } from './contracts.ts';

/**
 * Builds every Community module in dependency order and wires them through their APIs.
 * The one place that knows all modules; each module knows only the contracts it needs.
 */
export function createCommunityModules(platform: Platform) {
  const contributors: AccountDataContributor[] = [];
  const blocks = createBlocksModule(platform);
  contributors.push(blocks.service.contributor);

  const all = [blocks];
  return {
    blocks: blocks.service,
    contributors,
    async register(app: PlazaApp) {
      for (const module of all) await module.register(app);
    },
  };
}

export type CommunityModules = ReturnType<typeof createCommunityModules>;
