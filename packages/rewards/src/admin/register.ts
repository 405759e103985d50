import type { Platform, PlazaApp } from '@plaza/kernel';
import { tables } from '@plaza/kernel';
import { createCalendarStore, type RewardsCalendarTables } from '../calendar/store.ts';
import { createCardHistoryStore, type RewardsCardHistoryTables } from '../cards/history-store.ts';
import type { HolderDirectory } from '../cards/holder-directory.ts';
import type { CardsService } from '../cards/service.ts';
import { type CardStatusService, createCardStatusService } from '../cards/status.ts';
import type { CardsStore } from '../cards/store.ts';
import type { CardViews } from '../cards/view.ts';
import type { StoredProgramSource } from '../program/source.ts';
import type { ProgramStore } from '../program/store.ts';
import type { SelectionsService } from '../selections/service.ts';
import { type CalendarAdmin, createCalendarAdmin } from './calendar-admin.ts';
import { registerCalendarAdminRoutes } from './calendar-routes.ts';
import { createCardLookup } from './card-lookup.ts';
import { registerCardAdminRoutes } from './card-routes.ts';
import { registerCardSearch } from './card-search.ts';
import { createProgramAdmin, type ProgramAdmin } from './program-admin.ts';
import { registerProgramAdminRoutes } from './program-routes.ts';

export interface RewardsAdminDeps {
  programStore: ProgramStore;
  programs: StoredProgramSource;
  cardsStore: CardsStore;
  cards: CardsService;
  selections: SelectionsService;
  cardViews: CardViews;
  /** Who holds the cards (handles and display names); the kernel's accounts alone when absent. */
  holderDirectory?: HolderDirectory | undefined;
}

/** Builds the bank's admin services and serves their routes (tag `rewards-admin`, admin role). */
export function registerRewardsAdmin(
  app: PlazaApp,
  platform: Platform,
  deps: RewardsAdminDeps,
): { programAdmin: ProgramAdmin; cardStatus: CardStatusService; calendarAdmin: CalendarAdmin } {
  const { clock, ids } = platform;
  const nowMs = () => clock.nowMs();
  const programAdmin = createProgramAdmin({ store: deps.programStore, source: deps.programs, clock, ids });
  const history = createCardHistoryStore(tables<RewardsCardHistoryTables>(platform));
  const cardStatus = createCardStatusService({ cards: deps.cardsStore, history, clock, ids });
  const lookup = createCardLookup({ ...deps, history, auth: platform.auth });
  registerProgramAdminRoutes(app, { admin: programAdmin, source: deps.programs, nowMs });
  registerCardAdminRoutes(app, { cards: deps.cards, status: cardStatus, cardViews: deps.cardViews, lookup });
  registerCardSearch(app, platform, deps);
  const calendarAdmin = createCalendarAdmin({
    store: createCalendarStore(tables<RewardsCalendarTables>(platform)),
    source: deps.programs.calendar,
    clock,
  });
  registerCalendarAdminRoutes(app, calendarAdmin);
  return { programAdmin, cardStatus, calendarAdmin };
}
