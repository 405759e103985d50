import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AccountExports, type Platform, type PlazaProduct, tables } from '@plaza/kernel';
import type { CalendarAdmin } from './admin/calendar-admin.ts';
import type { ProgramAdmin } from './admin/program-admin.ts';
import { registerRewardsAdmin } from './admin/register.ts';
import type { RewardsCardHistoryTables } from './cards/history-store.ts';
import type { HolderDirectory } from './cards/holder-directory.ts';
import { createCardProfiles } from './cards/profiles.ts';
import { type CardsService, createCardsService } from './cards/service.ts';
import type { CardStatusService } from './cards/status.ts';
import { createCardsStore, type RewardsCardTables } from './cards/store.ts';
import { createCardViews } from './cards/view.ts';
import type { CardProfiles } from './contracts.ts';
import { createRewardsExportContributor } from './export/contributor.ts';
import { createExportStore } from './export/store.ts';
import { CUBE_MERCHANTS } from './merchants/cube-merchants.ts';
import type { MerchantDirectory, MerchantEntry } from './merchants/service.ts';
import { openMerchantDirectory } from './merchants/wiring.ts';
import { createPointsServices, type PointsServices, registerPoints } from './points/wiring.ts';
import { CUBE_PROGRAM } from './program/cube-program.ts';
import { openStoredProgram, PROGRAM_REFRESH_MS } from './program/open.ts';
import type { StoredProgramSource } from './program/source.ts';
import type { Program } from './program/types.ts';
import { registerRewardsRoutes } from './routes.ts';
import { createSelectionsService, type SelectionsService } from './selections/service.ts';

const SRC = path.dirname(fileURLToPath(import.meta.url));

export interface RewardsServices extends PointsServices {
  /** The program in force now: `programs.current()`, read at each access (never a stale copy). */
  readonly program: Program;
  programs: StoredProgramSource;
  profiles: CardProfiles;
  cards: CardsService;
  selections: SelectionsService;
  programAdmin: ProgramAdmin;
  /** The bank's business-day calendar (its years, in memory through `programs.calendar`). */
  calendarAdmin: CalendarAdmin;
  cardStatus: CardStatusService;
  merchants: MerchantDirectory;
}

export interface RewardsProductOptions {
  /** The program loaded into the tables on the first start on a database; CUBE as published by default. */
  program?: Program;
  /** How often this process looks for program changes made by other processes (0: never). */
  programRefreshMs?: number;
  /**
   * The merchant names added when the directory lacks them: CUBE's merchants with the default
   * program, none with another unless given.
   */
  merchants?: readonly MerchantEntry[];
  /** Hands out the built services (seeding, tests). */
  onReady?: (services: RewardsServices) => void;
  /** Where Rewards adds its part of an account's export (`GET /api/v1/me/export`, served by Community). */
  accountExports?: AccountExports;
  /** Who holds the cards, with display names (Community's profiles); handles only when absent. */
  holderDirectory?: (platform: Platform) => HolderDirectory;
}

/** Plaza Rewards as a product a Plaza process serves. */
export function rewardsProduct(options: RewardsProductOptions = {}): PlazaProduct {
  const program = options.program ?? CUBE_PROGRAM;
  const merchantSeed = options.merchants ?? (program === CUBE_PROGRAM ? CUBE_MERCHANTS : []);
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
      const stored = await openStoredProgram(
        platform,
        program,
        options.programRefreshMs ?? PROGRAM_REFRESH_MS,
      );
      const programs = stored.source;
      app.addHook('onClose', async () => programs.stop());
      const merchants = await openMerchantDirectory(app, platform, merchantSeed);
      const profiles = createCardProfiles(tables<RewardsCardHistoryTables>(platform), platform.clock);
      const selections = createSelectionsService({ store, programs, profiles });
      const nowMs = () => platform.clock.nowMs();
      const cardViews = createCardViews({ programs, profiles, nowMs });
      registerRewardsRoutes(app, { programs, cards, selections, cardViews, nowMs });
      const admin = registerRewardsAdmin(app, platform, {
        programStore: stored.store,
        programs,
        cardsStore: store,
        cards,
        selections,
        cardViews,
        holderDirectory: options.holderDirectory?.(platform),
      });
      const points = createPointsServices(platform, { programs, profiles });
      registerPoints(app, platform, { ...points, cards });
      options.accountExports?.add(
        createRewardsExportContributor({
          store: createExportStore(tables<RewardsCardTables>(platform)),
          transactions: points.transactions,
          ledger: points.ledger,
          auth: platform.auth,
        }),
      );
      options.onReady?.({
        ...points,
        get program() {
          return programs.current();
        },
        programs,
        profiles,
        cards,
        selections,
        ...admin,
        merchants,
      });
    },
  };
}
