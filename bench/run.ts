/**
 * `npm run bench -- NAME [flags]`: runs one benchmark suite. Every suite prints its figures
 * next to a baseline measured in the same run, so results compare across noisy machines.
 */
const suites: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  signup: () => import('./signup.ts'),
  community: () => import('./community.ts'),
  rewards: () => import('./rewards.ts'),
  export: () => import('./export.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? suites[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(suites).join('|')}> [flags]`);
  process.exit(2);
}
const suite = await load();
await suite.run(args);
