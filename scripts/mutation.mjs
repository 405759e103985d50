// `npm run mutation [-- --mutate '<glob>[,<glob>…]'] [other Stryker options]`: Stryker over the
// rule modules, or over the given patterns with tests, helpers and migrations left out, and the
// tests beside the mutated modules as the only ones vitest may run.
import { spawnSync } from 'node:child_process';
import { NOT_MUTATED, RULE_MODULES, testGlobsFor } from './mutation-modules.mjs';

const args = process.argv.slice(2);
const given = [];
const rest = [];
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i];
  if (arg === '--mutate' || arg === '-m') given.push(...(args[++i] ?? '').split(','));
  else if (arg.startsWith('--mutate=')) given.push(...arg.slice('--mutate='.length).split(','));
  else rest.push(arg);
}
const patterns = given.filter((p) => p !== '' && !p.startsWith('!'));
const mutate = [...(patterns.length > 0 ? patterns : RULE_MODULES), ...NOT_MUTATED];
const env = {
  ...process.env,
  PLAZA_MUTATION_TESTS: JSON.stringify(testGlobsFor(mutate.filter((p) => !p.startsWith('!')))),
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
