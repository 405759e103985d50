/**
 * Splits one CSV record (RFC 4180 §2, without the line break) into its fields. A field is
 * either bare (no `"` in it) or quoted (`"…"`, a `"` inside doubled). A record is one line:
 * the settlement file never needs a line break inside a field, and refusing one means a stray
 * quote costs one line instead of swallowing the lines after it.
 */
export type SplitResult =
  | { readonly ok: true; readonly fields: string[] }
  | { readonly ok: false; readonly column: number; readonly message: string };

const QUOTE = 34;
const COMMA = 44;

export function splitCsvRecord(record: string): SplitResult {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    const column = fields.length + 1;
    if (record.charCodeAt(at) === QUOTE) {
      const quoted = readQuoted(record, at + 1);
      if (typeof quoted === 'string') return { ok: false, column, message: quoted };
      fields.push(quoted.value);
      at = quoted.next;
    } else {
      const comma = record.indexOf(',', at);
      const end = comma === -1 ? record.length : comma;
      const value = record.slice(at, end);
      if (value.includes('"'))
        return { ok: false, column, message: 'a quote inside a field that does not start with a quote' };
      fields.push(value);
      at = end;
    }
    if (at >= record.length) return { ok: true, fields };
    // Only a comma can follow a field here: readQuoted and the bare branch stop at one or at the end.
    at += 1;
    if (at === record.length) {
      fields.push('');
      return { ok: true, fields };
    }
  }
}

/** Reads a quoted field's content starting after its opening quote; a string is the error. */
function readQuoted(record: string, from: number): { value: string; next: number } | string {
  let value = '';
  let at = from;
  for (;;) {
    const quote = record.indexOf('"', at);
    if (quote === -1) return 'a quoted field is not closed on its line';
    value += record.slice(at, quote);
    if (record.charCodeAt(quote + 1) === QUOTE) {
      value += '"';
      at = quote + 2;
      continue;
    }
    const next = quote + 1;
    if (next < record.length && record.charCodeAt(next) !== COMMA)
      return 'characters after a closing quote (a quote inside a quoted field is written "")';
    return { value, next };
  }
}
