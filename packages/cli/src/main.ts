import { ConfigError } from '@plaza/kernel';
import { runMigrate } from './commands/migrate.ts';
import { runRewards } from './commands/rewards.ts';
import { runSeed } from './commands/seed.ts';
import { runStart } from './commands/start.ts';

const USAGE = `Usage: plaza <command>

Commands:
  start     migrate, create the admin account, seed demo data on an empty database, serve
  migrate   apply pending database migrations and exit
  seed      seed demo data into an empty database: plaza seed [--scale=N] [DATABASE_URL]
  rewards   Rewards operations: plaza rewards import FILE.csv [--report FILE] [--batch N] [DATABASE_URL]
`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  start: runStart,
  migrate: runMigrate,
  seed: runSeed,
  rewards: runRewards,
};

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    process.exitCode = name ? 2 : 0;
    return;
  }
  await command(args);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
