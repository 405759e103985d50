import {
  type AccountExports,
  createMemoryLeases,
  createRedisLeases,
  type Platform,
  type PlazaApp,
  tables,
} from '@plaza/kernel';
import type { AccountDataContributor, BlocksApi, MediaApi, NotesApi, SocialApi } from '../contracts.ts';
import { onEvent } from '../events.ts';
import type { RefreshingOptions } from '../refreshing-cache.ts';
import { createAccountExporter } from './export.ts';
import { createProfilesService } from './profiles.ts';
import { registerAccountsRoutes } from './routes.ts';
import { createAccountsService, type UnreadCounter } from './service.ts';
import { type AccountsTables, createProfilesStore } from './store.ts';

/**
 * Profiles come first: notes, social and notifications show authors through ProfilesApi,
 * while the account routes (/me, public profiles) need those modules' counts. Building the
 * two halves separately breaks that cycle without late binding.
 */
export function createProfilesModule(
  platform: Platform,
  deps: { media: MediaApi; cardCache?: RefreshingOptions | undefined },
) {
  const store = createProfilesStore(tables<AccountsTables>(platform));
  const service = createProfilesService({
    store,
    auth: platform.auth,
    media: deps.media,
    clock: platform.clock,
    cardCache: deps.cardCache,
    onRefreshError: (err) => platform.logger.warn({ err }, 'author card refresh failed'),
    invalidations: platform.invalidations,
  });
  // The edit itself forgets its card; these cover events delivered again after a restart and
  // an erasure's card re-read before its transaction committed.
  const { bus } = platform;
  onEvent(bus, 'profile.updated', async (e) => service.forgetCards([e.accountId]));
  onEvent(bus, 'account.deleted', async (e) => service.forgetCards([e.accountId]));
  return { service, store };
}

export interface AccountsModuleDeps {
  profiles: ReturnType<typeof createProfilesModule>;
  blocks: BlocksApi;
  social: Pick<SocialApi, 'counts' | 'isFollowing'>;
  notes: Pick<NotesApi, 'countByAuthor' | 'engagementByAuthor'>;
  notifications: UnreadCounter;
  contributors: readonly AccountDataContributor[];
  /** Every product's export contributors (Community's own are among them). */
  exports: AccountExports;
}

export function createAccountsModule(platform: Platform, deps: AccountsModuleDeps) {
  const service = createAccountsService({
    store: deps.profiles.store,
    auth: platform.auth,
    profiles: deps.profiles.service,
    blocks: deps.blocks,
    social: deps.social,
    notes: deps.notes,
    notifications: deps.notifications,
    contributors: deps.contributors,
    clock: platform.clock,
    bus: platform.bus,
  });
  const { redis, logger } = platform;
  const exporter = createAccountExporter({
    auth: platform.auth,
    exports: deps.exports,
    // Across processes through Redis; without it the one-at-a-time bound is per process.
    leases: redis
      ? createRedisLeases(redis, (err) => logger.warn({ err }, 'renewing an export lease failed'))
      : createMemoryLeases(),
    clock: platform.clock,
    logger,
  });
  return {
    service,
    exporter,
    register: async (app: PlazaApp) =>
      registerAccountsRoutes(app, {
        accounts: service,
        exporter,
        rateLimiter: platform.rateLimiter,
        loginPerIpPerMinute: platform.config.loginPerIpPerMinute,
      }),
  };
}
