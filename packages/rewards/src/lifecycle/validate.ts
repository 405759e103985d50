import { isCalendarDate } from '../calendar/taipei-date.ts';
import type { NetworkEventType } from '../contracts.ts';
import { AUTHORIZATION_FAMILY, type ParsedEvent, type ParsedMerchant, RETURNS } from './event.ts';

/** Why an event was refused: a stable code, a sentence, and the field at fault (a JSON pointer). */
export interface EventProblem {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

export type Checked = { readonly event: ParsedEvent } | { readonly problem: EventProblem };

const EVENT_TYPES: readonly NetworkEventType[] = [...AUTHORIZATION_FAMILY, 'settlement', ...RETURNS];
const EVENT_FIELDS = new Set([
  'id',
  'type',
  'cardId',
  'amount',
  'currency',
  'billedAmountTwd',
  'merchant',
  'transactionAt',
  'settledAt',
  'installments',
  'originalEventId',
]);
const MERCHANT_FIELDS = new Set(['id', 'name', 'mcc', 'country', 'presence']);
/** Network ids, merchant ids and card references: printable, no separators a log or a URL would choke on. */
export const REFERENCE_PATTERN = '^[A-Za-z0-9._:-]{1,64}$';
const REFERENCE = new RegExp(REFERENCE_PATTERN);
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;
const INSTALLMENTS_MAX = 360;
const NAME_LENGTH_MAX = 200;
// C0/C1 controls: a merchant name is shown to the holder and must not carry them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

class Refusal extends Error {
  constructor(readonly problem: EventProblem) {
    super(problem.message);
  }
}

function refuse(field: string, message: string, code = 'invalid_event'): never {
  throw new Refusal({ code, message: field === '/' ? message : `${field} ${message}`, field });
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reference(value: unknown, field: string): string {
  if (typeof value !== 'string' || !REFERENCE.test(value))
    refuse(field, 'must be 1–64 letters, digits or . _ : -');
  return value;
}

function minorUnits(value: unknown, field: string, minimum: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum)
    refuse(field, `must be a whole number of minor units ≥ ${minimum}`);
  return value;
}

/** An RFC 3339 instant with an explicit offset, as epoch ms; 2026-02-30 or 24:00 are refused. */
export function rfc3339(value: unknown, field: string): number {
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  const [, date, hh, mm, ss, , , oh, om] = match ?? [];
  const valid =
    match &&
    isCalendarDate(date ?? '') &&
    Number(hh) <= 23 &&
    Number(mm) <= 59 &&
    Number(ss) <= 59 &&
    Number(oh ?? 0) <= 23 &&
    Number(om ?? 0) <= 59;
  const ms = valid ? Date.parse(String(value).toUpperCase()) : Number.NaN;
  if (!Number.isFinite(ms) || ms < 0)
    refuse(field, 'must be an RFC 3339 date-time with an offset, e.g. 2026-03-14T15:30:00+08:00');
  return ms;
}

function merchantOf(value: unknown): ParsedMerchant {
  if (!isObject(value)) refuse('/merchant', 'must be an object');
  for (const key of Object.keys(value))
    if (!MERCHANT_FIELDS.has(key)) refuse(`/merchant/${key}`, 'is not a known field');
  const name = value.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > NAME_LENGTH_MAX || CONTROL.test(name))
    refuse('/merchant/name', `must be 1–${NAME_LENGTH_MAX} characters without control characters`);
  if (typeof value.mcc !== 'string' || !/^\d{4}$/.test(value.mcc))
    refuse('/merchant/mcc', 'must be 4 digits (ISO 18245)');
  if (typeof value.country !== 'string' || !/^[A-Z]{2}$/.test(value.country))
    refuse('/merchant/country', 'must be an ISO 3166 alpha-2 code in capitals');
  const presence = value.presence ?? 'in_person';
  if (presence !== 'in_person' && presence !== 'online')
    refuse('/merchant/presence', "must be 'in_person' or 'online'");
  return { id: reference(value.id, '/merchant/id'), name, mcc: value.mcc, country: value.country, presence };
}

function installmentsOf(value: unknown): { count: number; index: number } {
  if (!isObject(value) || Object.keys(value).some((key) => key !== 'count' && key !== 'index'))
    refuse('/installments', 'must be { "count", "index" }');
  const { count, index } = value;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1 || count > INSTALLMENTS_MAX)
    refuse('/installments/count', `must be a whole number from 1 to ${INSTALLMENTS_MAX}`);
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 1 || index > count)
    refuse('/installments/index', 'must be a whole number from 1 to count');
  return { count, index };
}

/** Which fields each type needs, allows or refuses, beyond the ones every event has. */
function checkShape(type: NetworkEventType, raw: Json): void {
  const settles = type === 'settlement';
  const returns = RETURNS.includes(type);
  const needed: Record<string, boolean> = {
    '/billedAmountTwd': settles,
    '/merchant': settles || type === 'authorization',
    '/settledAt': settles,
    '/originalEventId': type !== 'authorization' && !settles,
  };
  for (const [field, required] of Object.entries(needed))
    if (required && raw[field.slice(1)] === undefined) refuse(field, `is required on ${type} events`);
  const refused: [string, boolean][] = [
    ['/originalEventId', type === 'authorization'],
    ['/installments', !settles && type !== 'authorization'],
    ['/settledAt', !settles && !returns],
  ];
  for (const [field, isRefused] of refused)
    if (isRefused && raw[field.slice(1)] !== undefined) refuse(field, `is not allowed on ${type} events`);
}

function parse(raw: unknown): ParsedEvent {
  if (!isObject(raw)) refuse('/', 'an event must be a JSON object');
  for (const key of Object.keys(raw)) if (!EVENT_FIELDS.has(key)) refuse(`/${key}`, 'is not a known field');
  const id = reference(raw.id, '/id');
  const type = raw.type as NetworkEventType;
  if (!EVENT_TYPES.includes(type)) refuse('/type', `must be one of ${EVENT_TYPES.join(', ')}`);
  checkShape(type, raw);
  if (typeof raw.currency !== 'string' || !/^[A-Z]{3}$/.test(raw.currency))
    refuse('/currency', 'must be an ISO 4217 code in capitals, e.g. TWD');
  const transactionAt = rfc3339(raw.transactionAt, '/transactionAt');
  const settledAt = raw.settledAt === undefined ? null : rfc3339(raw.settledAt, '/settledAt');
  if (settledAt !== null && settledAt < transactionAt)
    refuse('/settledAt', 'must not be before transactionAt');
  const originalEventId =
    raw.originalEventId === undefined ? null : reference(raw.originalEventId, '/originalEventId');
  if (originalEventId === id) refuse('/originalEventId', 'must name another event');
  return {
    id,
    type,
    cardRef: reference(raw.cardId, '/cardId'),
    amount: minorUnits(raw.amount, '/amount', RETURNS.includes(type) ? 1 : 0),
    currency: raw.currency,
    billedAmountTwd:
      raw.billedAmountTwd === undefined ? null : minorUnits(raw.billedAmountTwd, '/billedAmountTwd', 0),
    merchant: raw.merchant === undefined ? null : merchantOf(raw.merchant),
    transactionAt,
    settledAt,
    installments: raw.installments === undefined ? null : installmentsOf(raw.installments),
    originalEventId,
  };
}

/**
 * Checks one event as the network sent it (the API's JSON or a parsed file line): fields per
 * `NetworkEvent`, integer minor units, ISO 4217 and 3166 codes, RFC 3339 times, 4-digit MCCs,
 * and which fields each type needs. The first fault is reported, with its field.
 */
export function checkEvent(raw: unknown): Checked {
  try {
    return { event: parse(raw) };
  } catch (error) {
    if (error instanceof Refusal) return { problem: error.problem };
    throw error;
  }
}
