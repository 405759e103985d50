import { createPlatform, loadConfig, migrate } from '@plaza/kernel';
import { allProducts } from '../../packages/cli/src/commands/products.ts';
import { hashPassword } from '../../packages/kernel/src/auth/passwords.ts';
import { postgresTarget, sqliteTarget } from '../community/bulk.ts';
import type { BenchDatabase } from '../community/database.ts';
import { type CardSet, loadCards } from './cards.ts';

export interface FixtureOptions {
  readonly seed: number;
  /** The Taipei date of the first plan selection; switches fall in the `windowDays` after it. */
  readonly firstDate: string;
  readonly windowDays: number;
}

/**
 * Migrates a fresh database with every product (as `plaza migrate` does) and bulk-loads the
 * cards, their holders, sessions and plan histories. Answers the rows per table and the time.
 */
export async function loadFixture(
  target: Pick<BenchDatabase, 'db' | 'url' | 'dataDir'>,
  cards: CardSet,
  options: FixtureOptions,
): Promise<{ rows: Record<string, number>; seconds: number }> {
  const started = performance.now();
  const config = loadConfig({
    PLAZA_DATABASE_URL: target.url,
    PLAZA_DATA_DIR: target.dataDir,
    PLAZA_LOG_LEVEL: 'warn',
  });
  const platform = createPlatform(config);
  try {
    await migrate(platform, allProducts());
  } finally {
    await platform.close();
  }
  const bulk =
    target.db === 'sqlite'
      ? sqliteTarget(target.url.slice('sqlite:'.length))
      : await postgresTarget(target.url);
  try {
    const rows = await loadCards(bulk, cards, {
      passwordHash: await hashPassword('bench password 123'),
      nowMs: Date.now(),
      sessionTtlMs: 86_400_000,
      ...options,
    });
    if (bulk.dialect === 'postgres') await bulk.exec('vacuum analyze');
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await bulk.close();
  }
}
