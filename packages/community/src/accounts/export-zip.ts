import { finished, Readable } from 'node:stream';
import type { ExportSink } from '@plaza/kernel';
import yazl from 'yazl';

/** JSON Lines leave in chunks of about this many characters: few pipe writes, little held. */
const LINES_CHUNK_CHARS = 64 * 1024;

/** The download stopped before the archive was complete (the client went away). */
export class ExportAbortedError extends Error {
  override name = 'ExportAbortedError';
  constructor() {
    super('The export download was closed before it completed.');
  }
}

/**
 * A zip archive written as it is read: entries go one at a time (each sink call resolves once
 * the archive has read its source to the end), nothing is written to disk, and only the zip's
 * own per-entry directory record (name, sizes, checksum) is kept until the end.
 */
export interface ZipArchive {
  /** The archive's bytes; ends after the central directory. */
  readonly stream: Readable;
  /** A sink whose paths land under `folder/` (the root when empty). */
  sink(folder: string): ExportSink;
  /** No more entries: the central directory is written and the stream ends. */
  finish(): void;
  /** Stops at once: the entry being read is destroyed, the stream fails, later calls reject. */
  abort(reason: Error): void;
}

async function* lineChunks(rows: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  let parts: string[] = [];
  let chars = 0;
  for await (const row of rows) {
    const line = `${JSON.stringify(row)}\n`;
    parts.push(line);
    chars += line.length;
    if (chars >= LINES_CHUNK_CHARS) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
      chars = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(''), 'utf8');
}

export function createZipArchive(mtime: Date): ZipArchive {
  const zip = new yazl.ZipFile();
  // yazl's types say ReadableStream; it is a PassThrough, so a Readable with `destroy`.
  const stream = zip.outputStream as Readable;
  let current: Readable | undefined;
  let failure: Error | undefined;
  let ended = false;

  function abort(reason: Error) {
    if (failure) return;
    failure = reason;
    current?.destroy(reason);
    stream.destroy(reason);
  }
  stream.once('end', () => {
    ended = true;
  });
  // Closed before its end: the response went away (a disconnect destroys the payload stream).
  stream.once('close', () => {
    if (!ended) abort(new ExportAbortedError());
  });
  // yazl reports a size mismatch or a failed source this way.
  zip.on('error', (err: Error) => abort(err));

  function add(path: string, source: Readable, compress: boolean): Promise<void> {
    if (failure) {
      source.destroy();
      return Promise.reject(failure);
    }
    current = source;
    return new Promise((resolve, reject) => {
      // A pipe does not pass a source's error on: this is where a failed read stops the archive.
      finished(source, (err) => {
        current = undefined;
        if (failure) return reject(failure);
        if (err) {
          abort(err);
          return reject(err);
        }
        resolve();
      });
      zip.addReadStream(source, path, { compress, mtime });
    });
  }

  return {
    stream,
    sink(folder) {
      const at = (path: string) => (folder ? `${folder}/${path}` : path);
      return {
        json: (path, value) =>
          add(at(path), Readable.from([Buffer.from(`${JSON.stringify(value, null, 2)}\n`)]), true),
        lines: (path, rows) => add(at(path), Readable.from(lineChunks(rows), { objectMode: false }), true),
        async file(path, open) {
          if (failure) throw failure;
          const source = await open();
          // Stored files are images, compressed already: stored as they are, which costs no CPU.
          if (source) await add(at(path), source, false);
        },
      };
    },
    finish: () => zip.end(),
    abort,
  };
}
