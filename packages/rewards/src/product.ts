import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PlazaProduct, tables } from '@plaza/kernel';
import { createCardProfiles } from './cards/profiles.ts';
import { type CardsService, createCardsService } from './cards/service.ts';
import { createCardsStore, type RewardsCardTables } from './cards/store.ts';
import type { CardProfiles, ProgramSource } from './contracts.ts';
import { CUBE_PROGRAM } from './program/cube-program.ts';
import type { Program } from './program/types.ts';
import { registerRewardsRoutes } from './routes.ts';
import { createSelectionsService, type SelectionsService } from './selections/service.ts';

const SRC = path.dirname(fileURLToPath(import.meta.url));

export interface RewardsServices {
  program: Program;
  programs: ProgramSource;
  profiles: CardProfiles;
  cards: CardsService;
  selections: SelectionsService;
}

export interface RewardsProductOptions {
  /** The program served; CUBE as published by default. */
  program?: Program;
  /** Hands out the built services (seeding, tests). */
  onReady?: (services: RewardsServices) => void;
}

/** Plaza Rewards as a product a Plaza process serves. */
export function rewardsProduct(options: RewardsProductOptions = {}): PlazaProduct {
  const program = options.program ?? CUBE_PROGRAM;
  return {
    name: 'rewards',
    migrationRoots: [SRC],
    async register(app, platform) {
      const store = createCardsStore(tables<RewardsCardTables>(platform));
      const cards = createCardsService({
        store,
        auth: platform.auth,
        clock: platform.clock,
        ids: platform.ids,
      });
      const programs: ProgramSource = { current: () => program };
      const profiles = createCardProfiles(tables<RewardsCardTables>(platform));
      const selections = createSelectionsService({ store, program });
      registerRewardsRoutes(app, { program, cards, selections, nowMs: () => platform.clock.nowMs() });
      options.onReady?.({ program, programs, profiles, cards, selections });
    },
  };
}
