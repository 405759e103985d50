import { defineConfig } from 'vitest/config';

/**
 * The vitest configuration Stryker runs (stryker.config.mjs): only the tests beside the mutated
 * modules, as globs in PLAZA_MUTATION_TESTS, set by stryker.config.mjs from its --mutate patterns.
 */
const include: string[] = JSON.parse(process.env.PLAZA_MUTATION_TESTS ?? '[]');
if (include.length === 0)
  throw new Error('PLAZA_MUTATION_TESTS is unset: run this through `npm run mutation`');

export default defineConfig({
  test: {
    include,
    exclude: ['**/node_modules/**', '**/dist/**', '**/.stryker-tmp/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
