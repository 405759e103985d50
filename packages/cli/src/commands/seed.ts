import type { CommunityModules } from '@plaza/community';
import {
  type AuthTables,
  buildServer,
  createPlatform,
  loadConfig,
  migrate,
  type Platform,
  type PlazaApp,
} from '@plaza/kernel';
import type { RewardsServices } from '@plaza/rewards';
import type { Kysely } from 'kysely';
import type { SeedOptions } from '../seed/plan.ts';
import { announceRewardsDemo, seedRewardsDemo } from '../seed/rewards-seed.ts';
import { DEMO_PASSWORD, type SeedSummary, seedDemo, type UploadPicture } from '../seed/run.ts';
import { OffsetClock, type SeedClock } from '../seed/seed-clock.ts';
import { allProducts } from './products.ts';
import { announceAdmin } from './start.ts';

/** True when nobody but the admin has an account: a fresh install worth filling with demo data. */
export async function isEmpty(platform: Platform): Promise<boolean> {
  const db: Kysely<AuthTables> = platform.database.db;
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('handle', '!=', platform.config.adminHandle)
    .executeTakeFirst();
  return Number(row?.n ?? 0) === 0;
}

/** The media service's upload, for the seeder; the Community product must have been built. */
export function uploadThrough(community: CommunityModules | undefined): UploadPicture {
  if (!community) throw new Error('The Community product was not built; demo data needs its media module.');
  return (ownerId, bytes) => community.media.upload(ownerId, bytes);
}

/**
 * Seeds the demo community when the database holds no one but the admin. `clock` must be
 * the clock the platform was created with: seeding moves it to spread content over time.
 */
export async function seedDemoIfEmpty(
  platform: Platform,
  app: PlazaApp,
  clock: SeedClock,
  upload: UploadPicture,
  options: Partial<SeedOptions> = {},
  rewards?: RewardsServices,
): Promise<SeedSummary | undefined> {
  if (!(await isEmpty(platform))) {
    platform.logger.debug('database already has accounts; demo data not seeded');
    return undefined;
  }
  const summary = await seedDemo({ app, platform, clock, upload, options });
  const { elapsedMs, missingRoutes, ...counts } = summary;
  platform.logger.info(
    { ...counts, seconds: Math.round(elapsedMs / 100) / 10 },
    `demo data seeded; every demo account signs in with the password "${DEMO_PASSWORD}"`,
  );
  if (missingRoutes.length > 0)
    platform.logger.warn({ missingRoutes }, 'demo data is partial: routes missing');
  if (rewards) announceRewardsDemo(platform, await seedRewardsDemo({ platform, clock, services: rewards }));
  return summary;
}

const USAGE = 'Usage: plaza seed [--scale=N] [DATABASE_URL]\n';

/** `plaza seed`: migrates, makes sure the admin exists, and seeds the demo when the database is empty. */
export async function runSeed(args: string[]): Promise<void> {
  let scale: number | undefined;
  let databaseUrl: string | undefined;
  for (const arg of args) {
    if (arg.startsWith('--scale=')) scale = Number(arg.slice('--scale='.length));
    else if (!arg.startsWith('-')) databaseUrl = arg;
    else {
      process.stderr.write(USAGE);
      process.exitCode = 2;
      return;
    }
  }
  if (scale !== undefined && !(scale > 0 && scale <= 10)) {
    process.stderr.write(`--scale must be a number in (0, 10]\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig({ ...process.env, ...(databaseUrl ? { PLAZA_DATABASE_URL: databaseUrl } : {}) });
  const clock = new OffsetClock();
  const platform = createPlatform(config, { clock });
  try {
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
    await migrate(platform, products);
    await announceAdmin(platform);
    const app = await buildServer(platform, products);
    await app.ready();
    try {
      const upload = uploadThrough(community);
      const summary = await seedDemoIfEmpty(platform, app, clock, upload, scale ? { scale } : {}, rewards);
      if (!summary) platform.logger.info('the database already has accounts: nothing seeded');
    } finally {
      await app.close();
    }
  } finally {
    await platform.close();
  }
}
