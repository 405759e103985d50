import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { CacheOptions } from '../cache.ts';
import type { BlocksApi, MediaApi, ProfilesApi } from '../contracts.ts';
import { onEvent } from '../events.ts';
import type { RefreshingOptions } from '../refreshing-cache.ts';
import { registerNotesRoutes } from './routes.ts';
import { createNotesService } from './service.ts';
import { createNotesStore, type NotesTables } from './store.ts';

export interface NotesModuleDeps {
  media: MediaApi;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  contentCache?: CacheOptions | undefined;
  stateCache?: RefreshingOptions | undefined;
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
    stateCache: deps.stateCache,
    onRefreshError: (err) => platform.logger.warn({ err }, 'note state refresh failed'),
    invalidations: platform.invalidations,
  });
  // Edits and deletions made through the service forget at once; these cover erasure (which
  // deletes notes without `note.deleted`), events a restart delivers from the outbox, and
  // counters, whose events come after the commit that moved them.
  const { bus } = platform;
  const forgetNote = async (e: { noteId: string }) => service.forgetNotes([e.noteId]);
  for (const topic of [
    'note.published',
    'note.updated',
    'note.deleted',
    'like.created',
    'collect.created',
    'comment.created',
  ] as const) {
    onEvent(bus, topic, forgetNote);
  }
  onEvent(bus, 'account.deleted', async (e) => service.forgetAuthorNotes(e.accountId));
  return { service, register: async (app: PlazaApp) => registerNotesRoutes(app, service) };
}
