import { parseArgs } from 'node:util';
import {
  buildServer,
  type Config,
  createLogger,
  createPlatform,
  loadConfig,
  migrate,
  type Platform,
  PlazaError,
  tables,
} from '@plaza/kernel';
import {
  crashAfterBatches,
  createImportStore,
  DEFAULT_BATCH_SIZE,
  type EventIngestor,
  type ImportSummary,
  type ImportTables,
  importSettlementFile,
  MAX_BATCH_SIZE,
  type RewardsServices,
} from '@plaza/rewards';
import { allProducts } from './products.ts';

export const IMPORT_USAGE = `Usage: plaza rewards import FILE.csv [--report FILE] [--batch N] [--rescan] [--json] [DATABASE_URL]

Imports a settlement file (docs/rewards-file-format.md) through the Rewards ingestor.
  --report FILE  per-line errors (CSV, or JSON lines when FILE ends in .jsonl); default FILE.csv.errors.csv
  --batch N      lines per batch and checkpoint (1..${MAX_BATCH_SIZE}, default ${DEFAULT_BATCH_SIZE})
  --rescan       read a file that was already imported again (everything comes back duplicate)
  --json         print the summary as JSON on stdout
  DATABASE_URL   postgres://… or sqlite:PATH; default PLAZA_DATABASE_URL, else SQLite under ./data
A crashed or interrupted import continues where its last batch committed when run again.
Exit status: 0 when the file is done (rejected lines included), 1 on a fatal error, 2 on bad usage.
`;

interface ImportArgs {
  file: string;
  report: string | undefined;
  batch: number;
  rescan: boolean;
  json: boolean;
  databaseUrl: string | undefined;
}

class UsageError extends Error {}

function parseImportArgs(args: string[]): ImportArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [file, databaseUrl, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('give one FILE and at most one DATABASE_URL');
  const batch = values.batch === undefined ? DEFAULT_BATCH_SIZE : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH_SIZE)
    throw new UsageError(`--batch must be a whole number from 1 to ${MAX_BATCH_SIZE}`);
  return {
    file,
    report: values.report,
    batch,
    rescan: values.rescan === true,
    json: values.json === true,
    databaseUrl,
  };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      report: { type: 'string' },
      batch: { type: 'string' },
      rescan: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
}

/** `plaza rewards import`: see IMPORT_USAGE. */
export async function runRewardsImport(args: string[]): Promise<void> {
  let options: ImportArgs;
  try {
    options = parseImportArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`plaza rewards import: ${err.message}\n\n${IMPORT_USAGE}`);
    process.exitCode = 2;
    return;
  }
  try {
    const summary = await importWithPlatform(options);
    process.stdout.write(
      options.json ? `${JSON.stringify(summary)}\n` : describeSummary(options.file, summary),
    );
  } catch (err) {
    // Fatal: the message says what to fix; the checkpoint keeps what was committed.
    const detail = err instanceof PlazaError ? err.message : `${(err as Error).message ?? String(err)}`;
    process.stderr.write(`plaza rewards import: ${detail}\n`);
    process.exitCode = 1;
  }
}

/** The summary and the seconds the import itself took (hashing, reading, ingesting; not start-up). */
type TimedSummary = ImportSummary & { seconds: number };

async function importWithPlatform(options: ImportArgs): Promise<TimedSummary> {
  const config = loadConfig({
    ...process.env,
    ...(options.databaseUrl ? { PLAZA_DATABASE_URL: options.databaseUrl } : {}),
  });
  // stdout carries the summary: only warnings are logged unless PLAZA_LOG_LEVEL asks for more.
  const platform = createPlatform(config, { logger: createLogger(quietLevel(config)) });
  try {
    const ingestor = await startIngestor(platform);
    try {
      const started = performance.now();
      const summary = await importSettlementFile(
        {
          ingestor: ingestor.ingestor,
          store: createImportStore(tables<ImportTables>(platform)),
          clock: platform.clock,
        },
        {
          file: options.file,
          batchSize: options.batch,
          rescan: options.rescan,
          progress: process.stderr,
          crashAfterBatches: crashAfterBatches(process.env),
          ...(options.report ? { reportFile: options.report } : {}),
        },
      );
      return { ...summary, seconds: Math.round(performance.now() - started) / 1000 };
    } finally {
      await ingestor.close();
    }
  } finally {
    await platform.close();
  }
}

function quietLevel(config: Config): string {
  return process.env.PLAZA_LOG_LEVEL ? config.logLevel : 'warn';
}

/**
 * Migrates and builds every product as `plaza start` does (so events other products left in
 * the outbox still reach their subscribers), without listening, and takes Rewards' ingestor.
 */
async function startIngestor(
  platform: Platform,
): Promise<{ ingestor: EventIngestor; close(): Promise<void> }> {
  let services: RewardsServices | undefined;
  const products = allProducts(undefined, (s) => {
    services = s;
  });
  await migrate(platform, products);
  const app = await buildServer(platform, products);
  if (!services) {
    await app.close();
    throw new Error('Plaza Rewards did not start');
  }
  return { ingestor: services.ingestor, close: () => app.close() };
}

const n = (value: number) => value.toLocaleString('en');

export function describeSummary(file: string, s: TimedSummary): string {
  const head =
    s.outcome === 'already_imported'
      ? `${file} was imported before (sha256 ${s.fileHash.slice(0, 12)}…): nothing applied again. ` +
        'Use --rescan to read it again.\nEarlier run: '
      : s.resumedAfterLine === null
        ? `Imported ${file}: `
        : `Imported ${file}, continued after line ${n(s.resumedAfterLine)}: `;
  return (
    `${head}${n(s.lines)} lines, ${n(s.events)} events: ${n(s.applied)} applied, ` +
    `${n(s.duplicate)} duplicate, ${n(s.held)} held, ${n(s.rejected)} rejected; ${n(s.invalid)} invalid lines ` +
    `(${s.seconds.toFixed(1)} s).\n` +
    (s.problems > 0 && s.reportFile ? `${n(s.problems)} problems listed in ${s.reportFile}\n` : '')
  );
}
