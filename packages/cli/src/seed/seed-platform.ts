import { type CommunityModules, uploadsOnServingClock } from '@plaza/community';
import {
  buildServer,
  createAuthService,
  createAuthStore,
  createIdGenerator,
  createMemoryRateLimiter,
  createMetrics,
  type Invalidations,
  type Platform,
  type PlazaApp,
} from '@plaza/kernel';
import type { RewardsServices } from '@plaza/rewards';
import { allProducts } from '../commands/products.ts';
import { createMemoryBus } from './memory-bus.ts';
import type { UploadPicture } from './run.ts';
import { OffsetClock } from './seed-clock.ts';

const SEEDER_SESSION_TTL_DAYS = 3650;

/** The seeder's own Plaza: services on a moved clock, over the serving platform's database. */
export interface SeedingStack {
  platform: Platform;
  /** Never listens: the seeder calls it in-process (`app.inject`). */
  app: PlazaApp;
  clock: OffsetClock;
  community: CommunityModules;
  rewards: RewardsServices | undefined;
  /**
   * Pictures as their owners' uploads, stamped by the serving clock, not the moved one: the
   * serving processes' sweep would take a picture stamped in the replayed past for days old
   * and delete it before its note is posted.
   */
  upload: UploadPicture;
  close(): Promise<void>;
}

/**
 * Builds a second platform and app for the seeder while the first one serves real users. Only
 * the database (and Redis) are shared: the seeder's clock, ids, sessions, caches, rate limits
 * and event bus are its own, so a real request never reads the seeder's moved time and the
 * seeder's requests never spend real users' rate limits. SQLite allows one connection per
 * thread here: a second connection in the same thread would wait on the first's write lock
 * with the thread blocked. `invalidations` is the seeder's view of the link with the server's
 * caches (`linked-invalidations.ts`).
 */
export async function buildSeedingStack(
  serving: Platform,
  invalidations: Invalidations,
): Promise<SeedingStack> {
  // The seeder replays months in a minute: sessions that expire on its moved clock would cost a
  // sign-in (an argon2 verification, ~60 ms on the replay's path) every few weeks of replayed
  // time, 323 in all. Its sessions last the whole replay instead, and it signs them out at the end.
  const config = { ...serving.config, sessionTtlDays: SEEDER_SESSION_TTL_DAYS };
  const clock = new OffsetClock();
  const logger = serving.logger.child({ seeding: true });
  const ids = createIdGenerator(clock);
  const bus = createMemoryBus(logger);
  const auth = createAuthService({
    store: createAuthStore(serving.database.db),
    bus,
    clock,
    ids,
    sessionTtlMs: config.sessionTtlDays * 86_400_000,
    invalidations,
  });
  const platform: Platform = {
    ...serving,
    config,
    logger,
    clock,
    ids,
    bus,
    auth,
    invalidations,
    metrics: createMetrics(),
    rateLimiter: createMemoryRateLimiter(clock),
    // The database and Redis belong to the serving platform, which closes them.
    close: async () => {},
  };
  let community: CommunityModules | undefined;
  let rewards: RewardsServices | undefined;
  const products = allProducts(
    (modules) => {
      community = modules;
    },
    (services) => {
      rewards = services;
    },
  );
  const app = await buildServer(platform, products);
  await app.ready();
  if (!community) throw new Error('the Community product handed out no modules');
  const close = async () => {
    await app.close();
    await invalidations.close();
  };
  return { platform, app, clock, community, rewards, upload: uploadsOnServingClock(serving), close };
}
