// `npm run mutation [-- --mutate '<glob>[,<glob>…]'] [--tests '<glob>[,<glob>…]'] [other Stryker
// options]`: Stryker over the rule modules, or over the given patterns with tests, helpers and
// migrations left out. The tests vitest may run are the given --tests globs, or else the tests
// beside the mutated modules (a module whose folder also holds slow server tests names its fast
// rule tests with --tests to keep a run short).
import { spawnSync } from 'node:child_process';
import { NOT_MUTATED, RULE_MODULES, testGlobsFor } from './mutation-modules.mjs';

/** The value of `--name v`, `-x v` or `--name=v` at args[i], split on commas, or undefined. */
function optionValues(args, i, names) {
  const arg = args[i];
  if (names.includes(arg)) return { values: (args[i + 1] ?? '').split(','), used: 2 };
  const long = names.find((name) => name.startsWith('--') && arg.startsWith(`${name}=`));
  if (long !== undefined) return { values: arg.slice(long.length + 1).split(','), used: 1 };
  return undefined;
}

const args = process.argv.slice(2);
const given = [];
const tests = [];
const rest = [];
for (let i = 0; i < args.length; ) {
  const mutateOption = optionValues(args, i, ['--mutate', '-m']);
  const testsOption = optionValues(args, i, ['--tests']);
  if (mutateOption !== undefined) {
    given.push(...mutateOption.values);
    i += mutateOption.used;
  } else if (testsOption !== undefined) {
    tests.push(...testsOption.values);
    i += testsOption.used;
  } else {
    rest.push(args[i]);
    i += 1;
  }
}
const patterns = given.filter((p) => p !== '' && !p.startsWith('!'));
const mutate = [...(patterns.length > 0 ? patterns : RULE_MODULES), ...NOT_MUTATED];
const testGlobs = tests.filter((t) => t !== '');
const env = {
  ...process.env,
  PLAZA_MUTATION_TESTS: JSON.stringify(
    testGlobs.length > 0 ? testGlobs : testGlobsFor(mutate.filter((p) => !p.startsWith('!'))),
  ),
};
const run = spawnSync(
  'npx',
  ['stryker', 'run', 'stryker.config.mjs', '--mutate', mutate.join(','), ...rest],
  {
    stdio: 'inherit',
    env,
  },
);
process.exit(run.status ?? 1);
