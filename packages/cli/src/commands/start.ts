import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, createPlatform, loadConfig, migrate, type Platform } from '@plaza/kernel';
import { prepareDemoSeed } from '../seed/background.ts';
import { linkInvalidations } from '../seed/linked-invalidations.ts';
import { SeedProgress } from '../seed/progress.ts';
import { demoSeedProduct } from '../seed/status-route.ts';
import { allProducts } from './products.ts';

const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves Plaza. On a fresh install the server listens first and the demo data arrives
 * afterwards, from a seeder with a platform of its own (`seed/seed-platform.ts`): this
 * platform runs on the system clock from the first request on.
 */
export async function runStart(): Promise<void> {
  const config = loadConfig();
  const platform = createPlatform(config);
  const [serving, seeding] = linkInvalidations(platform.invalidations);
  platform.invalidations = serving;
  const progress = new SeedProgress();
  const products = [...allProducts(), demoSeedProduct(progress)];
  await migrate(platform, products);
  await announceAdmin(platform);
  const seed = config.seedDemo
    ? await prepareDemoSeed({ serving: platform, invalidations: seeding, progress })
    : undefined;
  const app = await buildServer(platform, products, { webDir: config.webDir ?? DEFAULT_WEB_DIR });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  platform.logger.info({ port }, `Plaza is running on http://localhost:${port}`);
  // Never rejects: a failed seed is logged, and its marker makes the next start finish it.
  void seed?.run();
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
