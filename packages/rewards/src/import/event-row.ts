import type { NetworkEvent, NetworkEventType, NetworkMerchant } from '../contracts.ts';
import type { Column, Header } from './columns.ts';

/** Why one line of the file was not an event: a stable code, a sentence, the column at fault. */
export interface LineProblem {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

export type RowResult =
  | { readonly ok: true; readonly event: NetworkEvent }
  | { readonly ok: false; readonly problem: LineProblem; readonly eventId?: string };

const EVENT_TYPES: ReadonlySet<string> = new Set<NetworkEventType>([
  'authorization',
  'incremental_authorization',
  'authorization_reversal',
  'authorization_expiry',
  'settlement',
  'refund',
  'chargeback',
]);

const ID_MAX = 64;
const NAME_MAX = 200;
const INTEGER = /^-?\d{1,16}$/;
const CURRENCY = /^[A-Z]{3}$/;
const MCC = /^\d{4}$/;
const COUNTRY = /^[A-Z]{2}$/;
// RFC 3339 date-time: the network always sends an offset (Z or ±hh:mm), so a bare local time is refused.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

class RowError extends Error {
  constructor(readonly problem: LineProblem) {
    super(problem.message);
  }
}

function fail(code: string, field: Column, message: string): never {
  throw new RowError({ code, field, message });
}

/** Reads one record's fields by name; an empty field is absent. */
class Row {
  constructor(
    private readonly fields: readonly string[],
    private readonly header: Header,
  ) {}

  optional(column: Column): string | undefined {
    const index = this.header[column];
    const value = index === undefined ? undefined : this.fields[index];
    return value === undefined || value === '' ? undefined : value;
  }

  required(column: Column): string {
    return this.optional(column) ?? fail('missing_field', column, `The column ${column} is empty.`);
  }

  text(column: Column, value: string, max: number): string {
    if (value.length > max) fail('too_long', column, `${column} is longer than ${max} characters.`);
    return value;
  }

  matching(column: Column, value: string, pattern: RegExp, what: string): string {
    if (!pattern.test(value)) fail('invalid_value', column, `${column} must be ${what}, not "${value}".`);
    return value;
  }

  integer(column: Column, value: string): number {
    const parsed = INTEGER.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed))
      fail('invalid_integer', column, `${column} must be a whole number (minor units), not "${value}".`);
    return parsed;
  }

  instant(column: Column, value: string): string {
    if (!INSTANT.test(value) || Number.isNaN(Date.parse(value)))
      fail('invalid_timestamp', column, `${column} must be an RFC 3339 time with an offset, not "${value}".`);
    return value;
  }
}

/** Maps a record's fields to the event they describe, or says which column is wrong. */
export function rowToEvent(fields: readonly string[], header: Header): RowResult {
  if (fields.length !== header.width) {
    // Columns cannot be trusted on such a line, the id column included: only the line number is reported.
    const message = `The line has ${fields.length} fields; the header has ${header.width}.`;
    return { ok: false, problem: { code: 'wrong_field_count', message } };
  }
  const eventId = header.id === undefined ? undefined : fields[header.id] || undefined;
  try {
    return { ok: true, event: readEvent(new Row(fields, header)) };
  } catch (err) {
    if (!(err instanceof RowError)) throw err;
    return eventId ? { ok: false, problem: err.problem, eventId } : { ok: false, problem: err.problem };
  }
}

function readEvent(row: Row): NetworkEvent {
  const type = row.required('type');
  if (!EVENT_TYPES.has(type))
    fail('invalid_value', 'type', `type must be one of ${[...EVENT_TYPES].join(', ')}, not "${type}".`);
  const billed = row.optional('billed_amount_twd');
  const settledAt = row.optional('settled_at');
  const originalEventId = row.optional('original_event_id');
  const merchant = readMerchant(row);
  const installments = readInstallments(row);
  return {
    id: row.text('id', row.required('id'), ID_MAX),
    type: type as NetworkEventType,
    cardId: row.text('card', row.required('card'), ID_MAX),
    amount: row.integer('amount', row.required('amount')),
    currency: row.matching('currency', row.required('currency'), CURRENCY, 'an ISO 4217 code such as TWD'),
    ...(billed === undefined ? {} : { billedAmountTwd: row.integer('billed_amount_twd', billed) }),
    ...(merchant ? { merchant } : {}),
    transactionAt: row.instant('transaction_at', row.required('transaction_at')),
    ...(settledAt === undefined ? {} : { settledAt: row.instant('settled_at', settledAt) }),
    ...(installments ? { installments } : {}),
    ...(originalEventId === undefined
      ? {}
      : { originalEventId: row.text('original_event_id', originalEventId, ID_MAX) }),
  };
}

const MERCHANT_COLUMNS = ['merchant_id', 'merchant_name', 'merchant_mcc', 'merchant_country'] as const;

/** The merchant columns go together: all four given, or none (presence then must be empty too). */
function readMerchant(row: Row): NetworkMerchant | undefined {
  const given = MERCHANT_COLUMNS.filter((c) => row.optional(c) !== undefined);
  const presence = row.optional('presence');
  if (given.length === 0) {
    if (presence !== undefined)
      fail('incomplete_merchant', 'presence', 'presence is given without a merchant.');
    return undefined;
  }
  const missing = MERCHANT_COLUMNS.find((c) => row.optional(c) === undefined);
  if (missing)
    fail('incomplete_merchant', missing, `${missing} is empty while other merchant columns are not.`);
  if (presence !== undefined && presence !== 'in_person' && presence !== 'online')
    fail('invalid_value', 'presence', `presence must be in_person or online, not "${presence}".`);
  return {
    id: row.text('merchant_id', row.required('merchant_id'), ID_MAX),
    name: row.text('merchant_name', row.required('merchant_name'), NAME_MAX),
    mcc: row.matching('merchant_mcc', row.required('merchant_mcc'), MCC, 'four digits (ISO 18245)'),
    country: row.matching('merchant_country', row.required('merchant_country'), COUNTRY, 'ISO 3166 alpha-2'),
    ...(presence === undefined ? {} : { presence }),
  };
}

function readInstallments(row: Row): { count: number; index: number } | undefined {
  const count = row.optional('installment_count');
  const index = row.optional('installment_index');
  if (count === undefined && index === undefined) return undefined;
  if (count === undefined || index === undefined) {
    const empty = count === undefined ? 'installment_count' : 'installment_index';
    fail('incomplete_installments', empty, 'installment_count and installment_index go together.');
  }
  return { count: row.integer('installment_count', count), index: row.integer('installment_index', index) };
}
