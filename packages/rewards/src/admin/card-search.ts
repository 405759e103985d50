import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { RewardsCardHistoryTables } from '../cards/history-store.ts';
import { accountsHolderDirectory, type HolderDirectory } from '../cards/holder-directory.ts';
import { createCardSearch } from '../cards/search.ts';
import { createCardSearchStore } from '../cards/search-store.ts';
import type { ProgramSource } from '../contracts.ts';
import { registerCardSearchRoute } from './card-search-routes.ts';

export interface CardSearchWiring {
  programs: ProgramSource;
  /** Who holds the cards; the kernel's accounts (handles, no names) when not given. */
  holderDirectory?: HolderDirectory | undefined;
}

/** Builds the console's card search over the platform's database and serves it. */
export function registerCardSearch(app: PlazaApp, platform: Platform, wiring: CardSearchWiring): void {
  const search = createCardSearch({
    store: createCardSearchStore(tables<RewardsCardHistoryTables>(platform)),
    directory: wiring.holderDirectory ?? accountsHolderDirectory(platform.auth),
    programs: wiring.programs,
    nowMs: () => platform.clock.nowMs(),
  });
  registerCardSearchRoute(app, search);
}
