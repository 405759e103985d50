import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two test files at a time even on a 2-core machine (Vitest's default there is one): most files
 * wait on PostgreSQL, child processes or a browser, and one worker left a core idle so long that
 * `npm test` took 15 minutes on CI. Every store suite has a PostgreSQL schema of its own and every
 * server listens on a free port, so files do not see each other.
 */
const maxWorkers = Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A poll waits for a page or a background worker to catch up; Vitest's 1 s default failed
    // browser tests whenever the shared machine was busy (a page's comments took longer to load).
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    maxWorkers,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
