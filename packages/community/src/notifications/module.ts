import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { BlocksApi, NotesApi, ProfilesApi } from '../contracts.ts';
import { subscribeNotifications } from './events.ts';
import { registerNotificationsRoutes } from './routes.ts';
import { createNotificationsService } from './service.ts';
import { createNotificationsStore, type NotificationsTables } from './store.ts';

export interface NotificationsModuleDeps {
  profiles: ProfilesApi;
  blocks: BlocksApi;
  notes: Pick<NotesApi, 'hydrate'>;
  /** The text of comments by id (social's comments). */
  commentTexts: (commentIds: string[]) => Promise<Map<string, string>>;
}

/** Notifications listen on the bus from the moment the module is built. */
export function createNotificationsModule(platform: Platform, deps: NotificationsModuleDeps) {
  const service = createNotificationsService({
    store: createNotificationsStore(tables<NotificationsTables>(platform)),
    auth: platform.auth,
    blocks: deps.blocks,
    profiles: deps.profiles,
    notes: deps.notes,
    commentTexts: deps.commentTexts,
    clock: platform.clock,
    ids: platform.ids,
  });
  const unsubscribe = subscribeNotifications(platform.bus, service.sink);
  return {
    service,
    unsubscribe,
    register: async (app: PlazaApp) => {
      registerNotificationsRoutes(app, service);
      app.addHook('onClose', async () => unsubscribe());
    },
  };
}
