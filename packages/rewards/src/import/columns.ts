import { ValidationError } from '@plaza/kernel';

/**
 * The settlement file's columns (docs/rewards-file-format.md), each mapped 1:1 to a field of
 * `NetworkEvent`. The header names them; their order is free, optional ones may be left out.
 */
export const COLUMNS = [
  'id',
  'type',
  'card',
  'amount',
  'currency',
  'billed_amount_twd',
  'merchant_id',
  'merchant_name',
  'merchant_mcc',
  'merchant_country',
  'presence',
  'transaction_at',
  'settled_at',
  'installment_count',
  'installment_index',
  'original_event_id',
] as const;

export type Column = (typeof COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = [
  'id',
  'type',
  'card',
  'amount',
  'currency',
  'transaction_at',
];

/** Where each column's value sits in a record of this file. */
export type Header = Readonly<Record<Column, number | undefined>> & { readonly width: number };

/** A header that names no known set of columns: the file cannot be read at all. */
export class BadHeaderError extends ValidationError {
  override name = 'BadHeaderError';
  constructor(message: string, column?: string) {
    super(message, column ? [{ field: column, code: 'bad_header', message }] : [], 'bad_header');
  }
}

/** Reads the header row's fields: every required column once, no unknown or repeated names. */
export function parseHeader(fields: readonly string[]): Header {
  const positions: Partial<Record<Column, number>> = {};
  const known = new Set<string>(COLUMNS);
  for (const [index, raw] of fields.entries()) {
    const name = raw.trim().toLowerCase();
    if (!known.has(name)) throw new BadHeaderError(`The header names an unknown column "${raw}".`, raw);
    if (positions[name as Column] !== undefined)
      throw new BadHeaderError(`The header names the column "${name}" twice.`, name);
    positions[name as Column] = index;
  }
  const missing = REQUIRED_COLUMNS.filter((c) => positions[c] === undefined);
  if (missing.length > 0)
    throw new BadHeaderError(`The header lacks the required column(s) ${missing.join(', ')}.`, missing[0]);
  return { ...(positions as Record<Column, number | undefined>), width: fields.length };
}
