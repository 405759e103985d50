import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnOfField } from './batch.ts';
import { ImportProgress } from './progress.ts';
import { formatEntry, ReportWriter, reportFormatOf } from './report.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-import-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = { line: 12, eventId: 'evt-9', code: 'bad_quote', message: 'Field 3: "x", y', field: 'card' };

describe('the error report', () => {
  it('is CSV unless the name ends in .jsonl or .ndjson', () => {
    expect(reportFormatOf('/tmp/a.errors.csv')).toBe('csv');
    expect(reportFormatOf('/tmp/a.txt')).toBe('csv');
    expect(reportFormatOf('/tmp/a.JSONL')).toBe('jsonl');
    expect(reportFormatOf('/tmp/a.ndjson')).toBe('jsonl');
  });

  it('quotes CSV cells that need it and writes JSON lines with nulls for absent fields', () => {
    expect(formatEntry(entry, 'csv')).toBe('12,evt-9,bad_quote,"Field 3: ""x"", y",card\n');
    expect(JSON.parse(formatEntry({ line: 3, code: 'invalid_utf8', message: 'm' }, 'jsonl'))).toEqual({
      line: 3,
      eventId: null,
      code: 'invalid_utf8',
      message: 'm',
      field: null,
    });
  });

  it('starts with a header, and a resumed run cuts it back to the checkpoint length', async () => {
    const file = path.join(dir, 'resume.csv');
    const first = await ReportWriter.open(file);
    first.add(entry);
    const atCheckpoint = await first.flush();
    // Written after the checkpoint by a run that then died: must not survive the resume.
    first.add({ ...entry, line: 13 });
    await first.close();
    expect(fs.readFileSync(file, 'utf8').split('\n')).toHaveLength(4);

    const resumed = await ReportWriter.open(file, atCheckpoint);
    resumed.add({ ...entry, line: 14 });
    await resumed.close();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['line', '12', '14']);
  });

  it('starts afresh when the saved length no longer fits the file (it was deleted or replaced)', async () => {
    const file = path.join(dir, 'gone.jsonl');
    const writer = await ReportWriter.open(file, 10_000);
    writer.add(entry);
    await writer.close();
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('names the columns for the fields the ingestor reports in API form', () => {
    expect(columnOfField('/cardId')).toBe('card');
    expect(columnOfField('/merchant/mcc')).toBe('merchant_mcc');
    expect(columnOfField('billedAmountTwd')).toBe('billed_amount_twd');
    expect(columnOfField('/installments/index')).toBe('installment_index');
    expect(columnOfField('/somethingNew')).toBe('/somethingNew');
    expect(columnOfField(undefined)).toBeUndefined();
  });
});

function output(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, out: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('the progress line', () => {
  it('shows share, bytes, lines, rate and time left', () => {
    let now = 0;
    const { out } = output(false);
    const progress = new ImportProgress({
      out,
      totalBytes: 200 * 1_048_576,
      startBytes: 0,
      nowMs: () => now,
    });
    now = 10_000;
    expect(progress.describe(50 * 1_048_576, 250_000, now)).toBe(
      '25.0% 50.0/200.0 MB · 250,000 lines · 25,000 lines/s · 5.0 MB/s · ETA 0:30',
    );
  });

  it('counts the rate from where a resumed run started', () => {
    let now = 0;
    const { out } = output(false);
    const progress = new ImportProgress({
      out,
      totalBytes: 100,
      startBytes: 60,
      startLines: 600,
      nowMs: () => now,
    });
    now = 4_000;
    expect(progress.describe(80, 800, now)).toBe(
      '80.0% 0.0/0.0 MB · 800 lines · 50 lines/s · 0.0 MB/s · ETA 0:04',
    );
  });

  it('prints plain lines now and then when stderr is not a terminal', () => {
    let now = 0;
    const { out, writes } = output(false);
    const progress = new ImportProgress({ out, totalBytes: 1000, startBytes: 0, nowMs: () => now });
    for (let step = 1; step <= 10; step += 1) {
      now = step * 1_000;
      progress.update(step * 100, step * 10);
    }
    progress.finish(1000, 100);
    // Once at the first batch, once 5 s later, and the final state.
    expect(writes).toHaveLength(3);
    expect(writes.every((w) => w.startsWith('import: ') && w.endsWith('\n') && !w.includes('\r'))).toBe(true);
    expect(writes[2]).toContain('100.0%');
  });

  it('redraws one line in place on a terminal and ends it when done', () => {
    let now = 0;
    const { out, writes } = output(true);
    const progress = new ImportProgress({ out, totalBytes: 1000, startBytes: 0, nowMs: () => now });
    now = 1_000;
    progress.update(500, 50);
    progress.finish(1000, 100);
    const redraw = '\r\x1b[2K';
    expect(writes[0]?.startsWith(`${redraw}[${'#'.repeat(12)}${'-'.repeat(12)}] 50.0%`)).toBe(true);
    expect(writes[1]?.startsWith(`${redraw}[${'#'.repeat(24)}] 100.0%`)).toBe(true);
    expect(writes[2]).toBe('\n');
  });
});
