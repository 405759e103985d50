import { once } from 'node:events';
import { spawnPlazaCommand } from '../../packages/cli/src/spawn.ts';
import type { ImportSummary } from '../../packages/rewards/src/import/importer.ts';

export type ImportResult = ImportSummary & { seconds: number };

/**
 * Runs `plaza rewards import FILE --json` as its own process, exactly as an operator would,
 * passing its progress lines through; answers the summary it prints. Fails on a non-zero exit.
 */
export async function runImport(
  file: string,
  databaseUrl: string,
  env: Record<string, string>,
  extraArgs: string[] = [],
): Promise<ImportResult> {
  const child = spawnPlazaCommand(['rewards', 'import', file, '--json', ...extraArgs, databaseUrl], env);
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    process.stderr.write(text.replace(/^(?=.)/gm, '  '));
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`plaza rewards import exited with ${code}: ${stdout.slice(0, 500)}`);
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as ImportResult;
}
