import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { BlocksApi, MediaApi, ProfilesApi } from '../contracts.ts';
import { registerNotesRoutes } from './routes.ts';
import { createNotesService } from './service.ts';
import { createNotesStore, type NotesTables } from './store.ts';

export interface NotesModuleDeps {
  media: MediaApi;
  blocks: BlocksApi;
  profiles: ProfilesApi;
}

export function createNotesModule(platform: Platform, { media, blocks, profiles }: NotesModuleDeps) {
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
  });
  return { service, register: async (app: PlazaApp) => registerNotesRoutes(app, service) };
}
