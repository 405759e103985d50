import { IMPORT_USAGE, runRewardsImport } from './rewards-import.ts';

const USAGE = `Usage: plaza rewards <command>

Commands:
  import    import a settlement file: plaza rewards import FILE.csv [--report FILE] [--batch N] [DATABASE_URL]
`;

const commands: Record<string, { run: (args: string[]) => Promise<void>; usage: string }> = {
  import: { run: runRewardsImport, usage: IMPORT_USAGE },
};

/** `plaza rewards …`: the Rewards operator commands. */
export async function runRewards(args: string[]): Promise<void> {
  const [name, ...rest] = args;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(USAGE);
    process.exitCode = name ? 2 : 0;
    return;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage);
    return;
  }
  await command.run(rest);
}
