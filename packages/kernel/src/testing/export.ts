import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { AccountExportContributor, ExportSink } from '../export/contributor.ts';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What a contributor wrote, by path in its folder: JSON files and JSON Lines parsed, files as bytes. */
export interface CollectedExport {
  json: Map<string, unknown>;
  lines: Map<string, unknown[]>;
  files: Map<string, Buffer>;
}

/** Runs one contributor into memory (tests only: a real export streams). */
export async function collectExport(
  contributor: AccountExportContributor,
  accountId: string,
): Promise<CollectedExport> {
  const collected: CollectedExport = { json: new Map(), lines: new Map(), files: new Map() };
  const sink: ExportSink = {
    async json(path, value) {
      collected.json.set(path, JSON.parse(JSON.stringify(value)));
    },
    async lines(path, rows) {
      const list: unknown[] = [];
      for await (const row of rows) list.push(JSON.parse(JSON.stringify(row)));
      collected.lines.set(path, list);
    },
    async file(path, open) {
      const stream = await open();
      if (stream) collected.files.set(path, await bytesOf(stream));
    },
  };
  await contributor.write(accountId, sink);
  return collected;
}

/** Every entry of a zip archive by name, read with a real zip reader (checksums verified). */
export function readZip(archive: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(archive, { lazyEntries: true, strictFileNames: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openErr, stream) => {
          if (openErr) return reject(openErr);
          bytesOf(stream).then((bytes) => {
            // yauzl checks sizes, not checksums: compare the CRC-32 the archive recorded.
            if (crc32(bytes) !== entry.crc32) return reject(new Error(`bad CRC-32 in ${entry.fileName}`));
            entries.set(entry.fileName, bytes);
            zip.readEntry();
          }, reject);
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** A JSON Lines file's rows. */
export function parseLines(bytes: Buffer | undefined): unknown[] {
  if (!bytes) return [];
  return bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}
