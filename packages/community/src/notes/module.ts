import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { CacheOptions } from '../cache.ts';
import type { BlocksApi, MediaApi, ProfilesApi } from '../contracts.ts';
import { onEvent } from '../events.ts';
import { registerNotesRoutes } from './routes.ts';
import { createNotesService } from './service.ts';
import { createNotesStore, type NotesTables } from './store.ts';

export interface NotesModuleDeps {
  media: MediaApi;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  contentCache?: CacheOptions | undefined;
}

export function createNotesModule(platform: Platform, deps: NotesModuleDeps) {
  const { media, blocks, profiles } = deps;
  const db = tables<NotesTables>(platform);
  const service = createNotesService({
    db,
    store: createNotesStore(db),
    media,
    blocks,
    profiles,
    auth: platform.auth,
    ids: platform.ids,
    clock: platform.clock,
    bus: platform.bus,
    contentCache: deps.contentCache,
  });
  // Edits and deletions made through the service forget at once; these cover erasure (which
  // deletes notes without `note.deleted`) and events a restart delivers from the outbox.
  const { bus } = platform;
  onEvent(bus, 'note.updated', async (e) => service.forgetContents([e.noteId]));
  onEvent(bus, 'note.deleted', async (e) => service.forgetContents([e.noteId]));
  onEvent(bus, 'account.deleted', async (e) => service.forgetAuthorContents(e.accountId));
  return { service, register: async (app: PlazaApp) => registerNotesRoutes(app, service) };
}
