import { createPlatform, loadConfig, migrate } from '@plaza/kernel';
import { allProducts } from './products.ts';

export async function runMigrate(): Promise<void> {
  const platform = createPlatform(loadConfig());
  try {
    const applied = await migrate(platform, allProducts());
    platform.logger.info({ applied }, applied.length ? 'migrations applied' : 'database is up to date');
  } finally {
    await platform.close();
  }
}
