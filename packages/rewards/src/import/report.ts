import fs from 'node:fs/promises';
import path from 'node:path';

/** One line of the file that did not take effect, as the report lists it. */
export interface ReportEntry {
  readonly line: number;
  readonly eventId?: string | undefined;
  readonly code: string;
  readonly message: string;
  readonly field?: string | undefined;
}

export type ReportFormat = 'csv' | 'jsonl';

const CSV_HEADER = 'line,event_id,code,message,field\n';

/** `.jsonl` / `.ndjson` give JSON lines; anything else CSV. */
export function reportFormatOf(file: string): ReportFormat {
  const ext = path.extname(file).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'csv';
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatEntry(entry: ReportEntry, format: ReportFormat): string {
  if (format === 'jsonl') {
    const { line, eventId, code, message, field } = entry;
    return `${JSON.stringify({ line, eventId: eventId ?? null, code, message, field: field ?? null })}\n`;
  }
  const { line, eventId, code, message, field } = entry;
  return `${[line, eventId, code, message, field].map(csvCell).join(',')}\n`;
}

/**
 * The per-line error report, appended batch by batch. Its length after each batch is saved
 * with the checkpoint: a resumed import cuts it back to that length, so lines re-read after a
 * crash are not listed twice.
 */
export class ReportWriter {
  private pending: string[] = [];

  private constructor(
    readonly file: string,
    readonly format: ReportFormat,
    private readonly handle: fs.FileHandle,
    private length: number,
  ) {}

  /**
   * Opens the report. `keepBytes` is the length a previous run of the same import saved:
   * the file is cut back to it (or started afresh when it is shorter, e.g. deleted meanwhile).
   */
  static async open(file: string, keepBytes = 0): Promise<ReportWriter> {
    const format = reportFormatOf(file);
    const handle = await fs.open(file, 'a+');
    try {
      const { size } = await handle.stat();
      const keep = keepBytes > 0 && size >= keepBytes ? keepBytes : 0;
      await handle.truncate(keep);
      const writer = new ReportWriter(file, format, handle, keep);
      if (keep === 0 && format === 'csv') writer.pending.push(CSV_HEADER);
      return writer;
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  add(entry: ReportEntry): void {
    this.pending.push(formatEntry(entry, this.format));
  }

  /** Writes what the batch added and forces it to disk; answers the report's length. */
  async flush(): Promise<number> {
    if (this.pending.length === 0) return this.length;
    const text = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    // Opened for appending: every write lands at the end, which is `length` after the cut.
    await this.handle.write(text);
    await this.handle.datasync();
    this.length += text.length;
    return this.length;
  }

  get bytes(): number {
    return this.length;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
  }
}
