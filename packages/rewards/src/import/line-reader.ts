import fs from 'node:fs';

/** One physical line of the file, without its line terminator (LF or CRLF). */
export interface RawLine {
  /** 1-based, counted over the whole file (the header is line 1). */
  readonly number: number;
  /** Byte offset just past this line's terminator: where the next line starts. */
  readonly endOffset: number;
  /** The line's bytes, or null when it was longer than the limit (only its length is kept). */
  readonly bytes: Buffer | null;
}

export interface LineReaderOptions {
  /** Byte offset to start at; must be the start of a line (0, or a previous `endOffset`). */
  readonly startOffset?: number;
  /** The number of the line that starts at `startOffset`. */
  readonly startLine?: number;
  /** Longer lines are yielded with `bytes: null` and never buffered whole. */
  readonly maxLineBytes: number;
  /** Read size; memory stays around this plus one line, whatever the file's size. */
  readonly chunkBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Streams a file's lines in groups (one group per chunk read), so a file of any size is read
 * in bounded memory. The stream is pulled, not pushed: while the caller awaits before asking
 * for the next group (an ingest batch committing), nothing more is read.
 */
export async function* readLines(path: string, options: LineReaderOptions): AsyncGenerator<RawLine[]> {
  const splitter = new LineSplitter(options.startOffset ?? 0, options.startLine ?? 1, options.maxLineBytes);
  const stream = fs.createReadStream(path, {
    start: options.startOffset ?? 0,
    highWaterMark: options.chunkBytes ?? 256 * 1024,
  });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const lines = splitter.push(chunk);
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (last) yield [last];
}

/** Cuts a byte stream into lines; kept apart from the file so it can be tested chunk by chunk. */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private overlong = false;

  constructor(
    private offset: number,
    private lineNumber: number,
    private readonly maxLineBytes: number,
  ) {}

  push(chunk: Buffer): RawLine[] {
    const lines: RawLine[] = [];
    let start = 0;
    for (let lf = chunk.indexOf(LF, start); lf !== -1; lf = chunk.indexOf(LF, start)) {
      this.append(chunk.subarray(start, lf));
      lines.push(this.take(true));
      start = lf + 1;
    }
    if (start < chunk.length) this.append(chunk.subarray(start));
    return lines;
  }

  /** The last line when the file does not end with a line break. */
  end(): RawLine | undefined {
    if (this.pendingBytes === 0 && !this.overlong) return undefined;
    return this.take(false);
  }

  private append(part: Buffer): void {
    if (this.overlong) {
      this.pendingBytes += part.length;
      return;
    }
    this.pending.push(part);
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.maxLineBytes) {
      // Past the limit only the length is counted, so a file with no line breaks stays bounded.
      this.overlong = true;
      this.pending = [];
    }
  }

  /** Emits the pending line; `terminated` when an LF ended it (the last line of a file may have none). */
  private take(terminated: boolean): RawLine {
    const length = this.pendingBytes;
    let bytes: Buffer | null = null;
    if (!this.overlong) {
      // A copy of the line alone (concat copies), so the stream's chunk is not held on to.
      const whole =
        this.pending.length === 1 ? Buffer.from(this.pending[0]!) : Buffer.concat(this.pending, length);
      bytes =
        whole.length > 0 && whole[whole.length - 1] === CR ? whole.subarray(0, whole.length - 1) : whole;
    }
    this.offset += length + (terminated ? 1 : 0);
    const line: RawLine = { number: this.lineNumber, endOffset: this.offset, bytes };
    this.lineNumber += 1;
    this.pending = [];
    this.pendingBytes = 0;
    this.overlong = false;
    return line;
  }
}
