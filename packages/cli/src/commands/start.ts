import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommunityModules } from '@plaza/community';
import { buildServer, createPlatform, loadConfig, migrate, type Platform } from '@plaza/kernel';
import type { RewardsServices } from '@plaza/rewards';
import { OffsetClock } from '../seed/seed-clock.ts';
import { allProducts } from './products.ts';

const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export async function runStart(): Promise<void> {
  const config = loadConfig();
  // Real time, except while demo data is seeded: the seeder moves it to spread content over time.
  const clock = new OffsetClock();
  const platform = createPlatform(config, { clock });
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
  const app = await buildServer(platform, products, { webDir: config.webDir ?? DEFAULT_WEB_DIR });
  if (config.seedDemo) {
    const { seedDemoIfEmpty, uploadThrough } = await import('./seed.ts');
    await seedDemoIfEmpty(platform, app, clock, uploadThrough(community), {}, rewards);
  }
  await app.listen({ port: config.port, host: config.host });
  platform.logger.info(`Plaza is running on http://localhost:${config.port}`);
  const stop = async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** Creates the admin account on first start and prints a generated password once. */
export async function announceAdmin(platform: Platform): Promise<void> {
  const { config } = platform;
  const result = await platform.auth.ensureAdmin(config.adminHandle, config.adminPassword);
  if (result.generatedPassword) {
    // Printed once, on the first start, so the operator can sign in; never logged again.
    process.stdout.write(
      `\nAdmin account created: handle "${config.adminHandle}", password "${result.generatedPassword}"\n` +
        'Write it down now: it will not be shown again. Set PLAZA_ADMIN_PASSWORD to choose your own.\n\n',
    );
  }
}
