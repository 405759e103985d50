import { keysetRows, mapRows, type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { AccountDataContributor, BlocksApi, NotesApi, ProfilesApi } from '../contracts.ts';
import { onEvent } from '../events.ts';
import { createIndexer } from './indexer.ts';
import { registerSearchRoutes } from './routes.ts';
import { createSearchService } from './service.ts';
import { createSearchStore, type SearchTables } from './store.ts';

export interface SearchModuleDeps {
  notes: NotesApi;
  profiles: ProfilesApi;
  blocks: BlocksApi;
}

export function createSearchModule(platform: Platform, deps: SearchModuleDeps) {
  const store = createSearchStore(tables<SearchTables>(platform));
  const indexer = createIndexer({ store, ...deps, auth: platform.auth, clock: platform.clock });
  const { bus } = platform;
  onEvent(bus, 'note.published', indexer.onNotePublished);
  onEvent(bus, 'note.updated', indexer.onNoteUpdated);
  onEvent(bus, 'note.deleted', indexer.onNoteDeleted);
  onEvent(bus, 'profile.updated', indexer.onProfileUpdated);
  // A new account is findable by handle at once, before it posts or edits its profile.
  onEvent(bus, 'account.created', indexer.onProfileUpdated);
  onEvent(bus, 'account.deleted', indexer.onAccountDeleted);

  const service = createSearchService({ store, indexer, ...deps, auth: platform.auth });
  // Erasure runs inside the account deletion's transaction, so the index never outlives it.
  const contributor: AccountDataContributor = {
    name: 'search',
    async write(accountId, sink) {
      await sink.json('account.json', {
        accountIndexed: (await store.find('account', accountId)) !== undefined,
      });
      await sink.lines(
        'indexed-notes.jsonl',
        mapRows(keysetRows(store.refsByAuthorPages('note', accountId)), (r) => ({ noteId: r.ref_id })),
      );
    },
    erase: (accountId, db) => indexer.eraseAccount(accountId, db),
  };
  return {
    service,
    indexer,
    contributor,
    register: async (app: PlazaApp) => registerSearchRoutes(app, service),
  };
}
