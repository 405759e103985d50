/** The rule modules mutation testing covers (docs/mutation.md), and which tests may kill their mutants. */
export const RULE_MODULES = [
  'packages/rewards/src/earning/**/*.ts',
  'packages/rewards/src/selections/**/*.ts',
  'packages/rewards/src/lifecycle/**/*.ts',
  'packages/rewards/src/ledger/rules.ts',
  'packages/rewards/src/ledger/derived-id.ts',
  'packages/community/src/notes/text.ts',
  'packages/community/src/blocks/service.ts',
  'packages/kernel/src/idempotency/hooks.ts',
];

/** Never mutated, whatever the patterns: tests, test helpers, migrations. */
export const NOT_MUTATED = [
  '!**/*.test.ts',
  '!**/test-*.ts',
  '!**/acceptance-runner.ts',
  '!**/migrations/**',
];

/**
 * A module's mutants are judged by the tests in its own folder:
 * `packages/x/src/mod/**` + `/*.ts` or `packages/x/src/mod/file.ts` → `packages/x/src/mod/**` + `/*.test.ts`.
 */
export function testGlobsFor(patterns) {
  const dirs = patterns.map((pattern) => {
    const cut = pattern.search(/[*?{[]/);
    const fixed = cut === -1 ? pattern : pattern.slice(0, cut);
    return fixed.slice(0, fixed.lastIndexOf('/') + 1);
  });
  return [...new Set(dirs.map((dir) => `${dir}**/*.test.ts`))];
}
