import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BadHeaderError, COLUMNS, parseHeader } from './columns.ts';
import { splitCsvRecord } from './csv-fields.ts';
import { rowToEvent } from './event-row.ts';
import { LineSplitter, type RawLine, readLines } from './line-reader.ts';
import { parseLine, readHeader } from './lines.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-import-parser-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const HEADER = COLUMNS.join(',');
const header = parseHeader(HEADER.split(','));
const text = (line: RawLine) => line.bytes?.toString('utf8');

/** A full settlement line in the documented column order, with fields overridable by name. */
function line(overrides: Partial<Record<(typeof COLUMNS)[number], string>> = {}): string {
  const values: Record<string, string> = {
    id: 'evt-1',
    type: 'settlement',
    card: 'tok_abc',
    amount: '300000',
    currency: 'TWD',
    billed_amount_twd: '300000',
    merchant_id: 'shin-kong-mitsukoshi',
    merchant_name: '新光三越 A8',
    merchant_mcc: '5311',
    merchant_country: 'TW',
    presence: 'in_person',
    transaction_at: '2026-03-10T18:00:00+08:00',
    settled_at: '2026-03-12T02:00:00Z',
    installment_count: '',
    installment_index: '',
    original_event_id: '',
    ...overrides,
  };
  return COLUMNS.map((c) => values[c]).join(',');
}

const parse = (record: string) => {
  const split = splitCsvRecord(record);
  if (!split.ok) throw new Error(split.message);
  return rowToEvent(split.fields, header);
};

describe('splitting a stream into lines', () => {
  it('ends lines at LF or CRLF, keeps the offsets exact, and ends a last line without a break', () => {
    const content = 'a,b\r\nc,d\n\ne,f';
    const splitter = new LineSplitter(0, 1, 100);
    const lines = [...splitter.push(Buffer.from(content)), splitter.end()!];
    expect(lines.map(text)).toEqual(['a,b', 'c,d', '', 'e,f']);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3, 4]);
    expect(lines.map((l) => l.endOffset)).toEqual([5, 9, 10, 13]);
  });

  it('gives the same lines whatever the chunk boundaries, multi-byte characters and CRLF split included', () => {
    const content = Buffer.from('id,name\r\n1,新光三越\r\n2,"a,b"\n3,遠東SOGO\r\n');
    const whole = new LineSplitter(0, 1, 100);
    const expected = whole.push(content);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: content.length - 1 }), { maxLength: 6 }), (cuts) => {
        const points = [0, ...[...new Set(cuts)].sort((a, b) => a - b), content.length];
        const splitter = new LineSplitter(0, 1, 100);
        const got: RawLine[] = [];
        for (let i = 1; i < points.length; i += 1)
          got.push(...splitter.push(content.subarray(points[i - 1], points[i])));
        expect(splitter.end()).toBeUndefined();
        expect(got).toEqual(expected);
      }),
    );
  });

  it('reports an overlong line by its length only and goes on with the next line', () => {
    const splitter = new LineSplitter(0, 1, 8);
    const lines = [
      ...splitter.push(Buffer.from('short\nthis line is far too long')),
      ...splitter.push(Buffer.from(' and goes on\nok\n')),
    ];
    expect(lines.map(text)).toEqual(['short', undefined, 'ok']);
    expect(lines[1]).toMatchObject({ number: 2, bytes: null, endOffset: 6 + 38 });
  });

  it('reads a file from a checkpoint offset with the line numbers going on', async () => {
    const file = writeFile('offsets.csv', 'h\r\none\r\ntwo\r\nthree\r\n');
    const all = (await collect(readLines(file, { maxLineBytes: 100, chunkBytes: 3 }))).map(text);
    expect(all).toEqual(['h', 'one', 'two', 'three']);
    const resumed = await collect(readLines(file, { startOffset: 8, startLine: 3, maxLineBytes: 100 }));
    expect(resumed.map((l) => [l.number, text(l)])).toEqual([
      [3, 'two'],
      [4, 'three'],
    ]);
  });
});

async function collect(groups: AsyncIterable<RawLine[]>): Promise<RawLine[]> {
  const lines: RawLine[] = [];
  for await (const group of groups) lines.push(...group);
  return lines;
}

describe('CSV fields (RFC 4180, one record per line)', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c,', ['a', '', 'c', '']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['"",""', ['', '']],
    [',', ['', '']],
    ['新光三越,遠東 SOGO', ['新光三越', '遠東 SOGO']],
  ])('%s', (record, fields) => {
    expect(splitCsvRecord(record)).toEqual({ ok: true, fields });
  });

  it.each([
    ['"not closed,x', 1],
    ['a,"x"y,z', 2],
    ['a,b"c', 2],
  ])('refuses %s at field %d', (record, column) => {
    expect(splitCsvRecord(record)).toMatchObject({ ok: false, column });
  });

  it('reads back any fields written the RFC 4180 way', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', ' ', '新', 'é', '1') });
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 8 }), (fields) => {
        const record = fields.map((f) => (/[",]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
        expect(splitCsvRecord(record)).toEqual({ ok: true, fields });
      }),
    );
  });
});

describe('the header row', () => {
  it('takes the columns in any order, without the optional ones, after a UTF-8 BOM', async () => {
    const file = writeFile('bom.csv', `\uFEFFtransaction_at,Amount,id,type,card,currency\r\n`);
    const { header: got, dataOffset } = await readHeader(file);
    expect(got).toMatchObject({ transaction_at: 0, amount: 1, id: 2, width: 6 });
    expect(got.merchant_id).toBeUndefined();
    expect(dataOffset).toBe(Buffer.byteLength('\uFEFFtransaction_at,Amount,id,type,card,currency\r\n'));
  });

  it.each([
    ['id,type,card,amount,currency', 'transaction_at'],
    [`${HEADER},colour`, 'colour'],
    [`${HEADER},id`, 'id'],
  ])('refuses %s (field %s)', (row, field) => {
    let error: unknown;
    try {
      parseHeader(row.split(','));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BadHeaderError);
    expect(error).toMatchObject({ code: 'bad_header', fields: [{ field }] });
  });

  it('refuses an empty file and one whose first line is not a header', async () => {
    await expect(readHeader(writeFile('empty.csv', ''))).rejects.toMatchObject({ code: 'bad_header' });
    await expect(readHeader(writeFile('data.csv', `${line()}\n`))).rejects.toMatchObject({
      code: 'bad_header',
    });
  });
});

describe('a line → a network event', () => {
  it('maps every column to the event, empty optional fields left out', () => {
    expect(parse(line())).toEqual({
      ok: true,
      event: {
        id: 'evt-1',
        type: 'settlement',
        cardId: 'tok_abc',
        amount: 300000,
        currency: 'TWD',
        billedAmountTwd: 300000,
        merchant: {
          id: 'shin-kong-mitsukoshi',
          name: '新光三越 A8',
          mcc: '5311',
          country: 'TW',
          presence: 'in_person',
        },
        transactionAt: '2026-03-10T18:00:00+08:00',
        settledAt: '2026-03-12T02:00:00Z',
      },
    });
    const bare = parse(
      line({
        type: 'authorization',
        billed_amount_twd: '',
        merchant_id: '',
        merchant_name: '',
        merchant_mcc: '',
        merchant_country: '',
        presence: '',
        settled_at: '',
      }),
    );
    expect(bare).toEqual({
      ok: true,
      event: {
        id: 'evt-1',
        type: 'authorization',
        cardId: 'tok_abc',
        amount: 300000,
        currency: 'TWD',
        transactionAt: '2026-03-10T18:00:00+08:00',
      },
    });
  });

  it('reads installments and the original event of a refund', () => {
    expect(parse(line({ installment_count: '3', installment_index: '1' }))).toMatchObject({
      event: { installments: { count: 3, index: 1 } },
    });
    expect(parse(line({ type: 'refund', original_event_id: 'evt-0' }))).toMatchObject({
      event: { type: 'refund', originalEventId: 'evt-0' },
    });
  });

  it.each([
    [{ type: 'purchase' }, 'invalid_value', 'type'],
    [{ amount: '3000.00' }, 'invalid_integer', 'amount'],
    [{ amount: '99999999999999999' }, 'invalid_integer', 'amount'],
    [{ billed_amount_twd: 'NT$3000' }, 'invalid_integer', 'billed_amount_twd'],
    [{ currency: 'twd' }, 'invalid_value', 'currency'],
    [{ merchant_mcc: '581' }, 'invalid_value', 'merchant_mcc'],
    [{ merchant_country: 'TWN' }, 'invalid_value', 'merchant_country'],
    [{ merchant_name: '' }, 'incomplete_merchant', 'merchant_name'],
    [{ presence: 'mail' }, 'invalid_value', 'presence'],
    [{ transaction_at: '2026-03-10 18:00' }, 'invalid_timestamp', 'transaction_at'],
    [{ transaction_at: '2026-03-10T18:00:00' }, 'invalid_timestamp', 'transaction_at'],
    [{ settled_at: '2026-13-40T00:00:00Z' }, 'invalid_timestamp', 'settled_at'],
    [{ installment_count: '3' }, 'incomplete_installments', 'installment_index'],
    [{ card: 'x'.repeat(65) }, 'too_long', 'card'],
  ])('%o → %s on %s', (overrides, code, field) => {
    expect(parse(line(overrides))).toMatchObject({ ok: false, problem: { code, field }, eventId: 'evt-1' });
  });

  it('reports a line without an id by its line number alone', () => {
    const result = parse(line({ id: '' }));
    expect(result).toEqual({
      ok: false,
      problem: { code: 'missing_field', field: 'id', message: 'The column id is empty.' },
    });
  });

  it('says so when a line has the wrong number of fields, naming no event (its columns cannot be trusted)', () => {
    expect(parse(`${line()},extra`)).toEqual({
      ok: false,
      problem: { code: 'wrong_field_count', message: 'The line has 17 fields; the header has 16.' },
    });
  });
});

describe('garbage lines', () => {
  const raw = (bytes: Buffer | null): RawLine => ({ number: 7, endOffset: 0, bytes });

  it.each([
    [Buffer.from([0x65, 0x76, 0xff, 0xfe, 0x2c]), 'invalid_utf8'],
    [Buffer.from('"unclosed,settlement'), 'bad_quote'],
    [Buffer.from('\u0000\u0001binary'), 'wrong_field_count'],
    [Buffer.from('just some words'), 'wrong_field_count'],
    [null, 'line_too_long'],
  ])('%s → %s, never an exception', (bytes, code) => {
    expect(parseLine(raw(bytes), header)).toMatchObject({ ok: false, problem: { code } });
  });

  it('skips a blank line', () => {
    expect(parseLine(raw(Buffer.alloc(0)), header)).toEqual({ ok: 'blank' });
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const noBreaks = Buffer.from(bytes.filter((b) => b !== 0x0a));
        const result = parseLine(raw(noBreaks), header);
        expect(['blank', true, false]).toContain(result.ok);
      }),
    );
  });
});
