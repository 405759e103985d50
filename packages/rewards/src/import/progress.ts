/** Where progress goes: stderr in the CLI; anything with `write` in tests. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ProgressOptions {
  readonly out: ProgressOutput;
  /** The file's size, and where this run started in it (a resumed import starts past 0). */
  readonly totalBytes: number;
  readonly startBytes: number;
  /** Lines an earlier run already did (rates count this run's lines only). */
  readonly startLines?: number;
  /** Monotonic milliseconds; injectable so tests control the rates. */
  readonly nowMs?: () => number;
  /** A terminal is redrawn this often; plain output gets one line per `plainIntervalMs`. */
  readonly ttyIntervalMs?: number;
  readonly plainIntervalMs?: number;
}

const BAR_WIDTH = 24;

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * The import's progress on stderr: bytes and lines done, rate and ETA. On a terminal one
 * line is redrawn in place; otherwise (a log file, CI) a plain line is printed now and then,
 * so logs stay readable.
 */
export class ImportProgress {
  private readonly nowMs: () => number;
  private readonly startedMs: number;
  private lastDrawMs = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {
    this.nowMs = options.nowMs ?? (() => performance.now());
    this.startedMs = this.nowMs();
  }

  private get tty(): boolean {
    return this.options.out.isTTY === true;
  }

  /** Called after every batch; draws when the interval has passed. */
  update(bytesDone: number, lines: number): void {
    const now = this.nowMs();
    const interval = this.tty ? (this.options.ttyIntervalMs ?? 100) : (this.options.plainIntervalMs ?? 5_000);
    if (now - this.lastDrawMs < interval) return;
    this.lastDrawMs = now;
    this.draw(bytesDone, lines, now);
  }

  /** The final state, always drawn, ending the redrawn line. */
  finish(bytesDone: number, lines: number): void {
    this.draw(bytesDone, lines, this.nowMs());
    if (this.tty && this.drawn) this.options.out.write('\n');
  }

  /** The status text, without terminal control characters. */
  describe(bytesDone: number, lines: number, now: number): string {
    const { totalBytes, startBytes } = this.options;
    const seconds = Math.max((now - this.startedMs) / 1000, 1e-3);
    const bytesRate = (bytesDone - startBytes) / seconds;
    const linesRate = (lines - (this.options.startLines ?? 0)) / seconds;
    const share = totalBytes > 0 ? Math.min(1, bytesDone / totalBytes) : 1;
    const eta = bytesRate > 0 ? (totalBytes - bytesDone) / bytesRate : Number.POSITIVE_INFINITY;
    return (
      `${(share * 100).toFixed(1)}% ${megabytes(bytesDone)}/${megabytes(totalBytes)} MB · ` +
      `${lines.toLocaleString('en')} lines · ${Math.round(linesRate).toLocaleString('en')} lines/s · ` +
      `${megabytes(bytesRate)} MB/s · ETA ${share >= 1 ? '0:00' : duration(eta)}`
    );
  }

  private draw(bytesDone: number, lines: number, now: number): void {
    const text = this.describe(bytesDone, lines, now);
    if (!this.tty) {
      this.options.out.write(`import: ${text}\n`);
      return;
    }
    const share = this.options.totalBytes > 0 ? Math.min(1, bytesDone / this.options.totalBytes) : 1;
    const filled = Math.round(share * BAR_WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
    // \r and "erase line" redraw in place; nothing else of the terminal is touched.
    this.options.out.write(`\r\x1b[2K${bar} ${text}`);
    this.drawn = true;
  }
}
