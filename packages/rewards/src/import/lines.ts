import { BadHeaderError, type Header, parseHeader } from './columns.ts';
import { splitCsvRecord } from './csv-fields.ts';
import { type LineProblem, type RowResult, rowToEvent } from './event-row.ts';
import { type RawLine, readLines } from './line-reader.ts';

/** Longest line read (a settlement line is about 250 bytes); longer ones are reported, not buffered. */
export const MAX_LINE_BYTES = 8 * 1024;

const BOM = '\uFEFF';
// fatal: invalid UTF-8 is an error for its line, never silently replaced by U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type LineResult = RowResult | { readonly ok: 'blank' };

function decode(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const problem = (code: string, message: string): LineResult => ({
  ok: false,
  problem: { code, message } satisfies LineProblem,
});

/** One data line of the file → its event, a problem with it, or nothing (a blank line). */
export function parseLine(line: RawLine, header: Header): LineResult {
  if (line.bytes === null)
    return problem('line_too_long', `The line is longer than ${MAX_LINE_BYTES} bytes; it was skipped.`);
  if (line.bytes.length === 0) return { ok: 'blank' };
  const text = decode(line.bytes);
  if (text === undefined) return problem('invalid_utf8', 'The line is not valid UTF-8.');
  const split = splitCsvRecord(text);
  if (!split.ok) return problem('bad_quote', `Field ${split.column}: ${split.message}.`);
  return rowToEvent(split.fields, header);
}

/** The header row (line 1) and where the data lines start. */
export interface FileHeader {
  readonly header: Header;
  readonly dataOffset: number;
}

/** Reads and checks line 1; a file without a usable header cannot be imported at all. */
export async function readHeader(path: string): Promise<FileHeader> {
  let first: RawLine | undefined;
  for await (const lines of readLines(path, { maxLineBytes: MAX_LINE_BYTES, chunkBytes: 16 * 1024 })) {
    first = lines[0];
    break;
  }
  if (!first) throw new BadHeaderError('The file is empty: it needs a header row.');
  if (first.bytes === null) throw new BadHeaderError('The first line is too long to be a header row.');
  const text = decode(first.bytes);
  if (text === undefined) throw new BadHeaderError('The header row is not valid UTF-8.');
  const split = splitCsvRecord(text.startsWith(BOM) ? text.slice(1) : text);
  if (!split.ok) throw new BadHeaderError(`The header row is not CSV: ${split.message}.`);
  return { header: parseHeader(split.fields), dataOffset: first.endOffset };
}
