// Mutation testing of Plaza's rule modules (docs/mutation.md). Not part of `npm test` or CI: a
// full run takes tens of minutes. Run it through `npm run mutation` (scripts/mutation.mjs), which
// keeps tests, helpers and migrations out of any --mutate pattern given on the command line and
// tells vitest.mutation.config.ts which tests to run; the vitest runner's `related` option then
// keeps only the tests that import a mutated file.
import { NOT_MUTATED, RULE_MODULES, testGlobsFor } from './scripts/mutation-modules.mjs';

// `npx stryker run` without the wrapper: every rule module, with the tests beside them.
process.env.PLAZA_MUTATION_TESTS ??= JSON.stringify(testGlobsFor(RULE_MODULES));

export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [...RULE_MODULES, ...NOT_MUTATED],
  // The machine is shared (2 cores, several engineers and their test runs): one test process.
  concurrency: 1,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['data', 'reports', 'bench/results', 'test-results', 'packages/web/dist', '.vite'],
  thresholds: { high: 90, low: 75, break: null },
};
