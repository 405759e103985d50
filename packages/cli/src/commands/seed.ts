import type { CommunityModules } from '@plaza/community';
import { createPlatform, loadConfig, migrate, type Platform, type PlazaApp } from '@plaza/kernel';
import type { RewardsServices } from '@plaza/rewards';
import { isEmpty, prepareDemoSeed } from '../seed/background.ts';
import type { SeedOptions } from '../seed/plan.ts';
import { SeedProgress } from '../seed/progress.ts';
import { announceRewardsDemo, seedRewardsDemo } from '../seed/rewards-seed.ts';
import { DEMO_PASSWORD, type SeedSummary, seedDemo, type UploadPicture } from '../seed/run.ts';
import type { SeedClock } from '../seed/seed-clock.ts';
import { demoSeedProduct } from '../seed/status-route.ts';
import { allProducts } from './products.ts';
import { announceAdmin } from './start.ts';

/** The media service's upload, for the seeder; the Community product must have been built. */
export function uploadThrough(community: CommunityModules | undefined): UploadPicture {
  if (!community) throw new Error('The Community product was not built; demo data needs its media module.');
  return (ownerId, bytes) => community.media.upload(ownerId, bytes);
}

/**
 * Seeds the demo community through `app`, on `clock`, when the database holds no one but the
 * admin; `clock` must be the clock the platform was created with. For a platform nobody else
 * uses (tests); a serving process seeds through a platform of its own (`seed/background.ts`).
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

/**
 * `plaza seed`: migrates, makes sure the admin exists, and seeds the demo when the database is
 * empty, or finishes a seed a killed process left, exactly as `plaza start` would.
 */
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
  const platform = createPlatform(config);
  try {
    const progress = new SeedProgress();
    await migrate(platform, [...allProducts(), demoSeedProduct(progress)]);
    await announceAdmin(platform);
    const context = { serving: platform, invalidations: platform.invalidations, progress };
    const job = await prepareDemoSeed(scale ? { ...context, options: { scale } } : context);
    if (job) await job.run();
    else platform.logger.info('the database already has accounts: nothing seeded');
    if (progress.status().state === 'failed') process.exitCode = 1;
  } finally {
    await platform.close();
  }
}
