import type { Readable } from 'node:stream';
import {
  type AccountExports,
  type AuthService,
  type Clock,
  type Leases,
  type Logger,
  NotFoundError,
  PlazaError,
} from '@plaza/kernel';
import { createZipArchive, ExportAbortedError, type ZipArchive } from './export-zip.ts';

export const EXPORT_FORMAT = 'plaza-export/2';

// A Redis lease outlives a dead process by at most this; a live one renews it every 20 s.
const EXPORT_LEASE_TTL_MS = 60_000;
const EXPORT_RETRY_AFTER_SECONDS = 30;

/** A second export of an account while its first is still downloading. */
export class ExportInProgressError extends PlazaError {
  override name = 'ExportInProgressError';
  constructor() {
    super(
      'export_in_progress',
      'An export of your account is already downloading; try again when it has finished.',
      409,
      [],
      { 'retry-after': String(EXPORT_RETRY_AFTER_SECONDS) },
    );
  }
}

export interface AccountExporterDeps {
  auth: Pick<AuthService, 'findById'>;
  /** Every product's contributors, read when an export starts. */
  exports: AccountExports;
  leases: Leases;
  clock: Clock;
  logger: Logger;
}

export interface StartedExport {
  handle: string;
  /** The zip archive as it is written; reading it drives the contributors. */
  stream: Readable;
}

/**
 * `GET /me/export` as a stream: `account.json` (format, time, account), then each contributor's
 * folder. One export per account at a time (a lease: every process through Redis, else this
 * process), held until the download ends, fails or is abandoned.
 */
export function createAccountExporter(deps: AccountExporterDeps) {
  const { auth, exports, leases, clock, logger } = deps;

  async function writeAll(archive: ZipArchive, accountId: string, header: object): Promise<void> {
    await archive.sink('').json('account.json', header);
    for (const contributor of exports.list()) {
      await contributor.write(accountId, archive.sink(contributor.name));
    }
    archive.finish();
  }

  return {
    /** Starts the account's archive; 409 `export_in_progress` while another is downloading. */
    async start(accountId: string): Promise<StartedExport> {
      const lease = await leases.acquire(`account-export:${accountId}`, EXPORT_LEASE_TTL_MS);
      if (!lease) throw new ExportInProgressError();
      const release = () =>
        lease.release().catch((err) => logger.warn({ err }, 'releasing an export lease failed'));
      try {
        const account = await auth.findById(accountId);
        // The session resolved a moment ago; a miss means the account was deleted in between.
        if (!account) throw new NotFoundError('Your account');
        const exportedAt = clock.nowMs();
        const archive = createZipArchive(new Date(exportedAt));
        // 'close' comes after the last byte was read, after a failure, and after a disconnect.
        archive.stream.once('close', () => void release());
        writeAll(archive, accountId, { format: EXPORT_FORMAT, exportedAt, account }).catch((err) => {
          if (!(err instanceof ExportAbortedError)) logger.error({ err, accountId }, 'account export failed');
          archive.abort(err instanceof Error ? err : new Error(String(err)));
        });
        return { handle: account.handle, stream: archive.stream };
      } catch (err) {
        await release();
        throw err;
      }
    },
  };
}

export type AccountExporter = ReturnType<typeof createAccountExporter>;
