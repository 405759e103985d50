import { type FieldIssue, fieldIssue, type IssueParams } from '../errors.ts';

/** What a schema's `pattern` means, written beside it as `x-issue` (see `Pattern`). */
export interface IssueMeaning {
  code: string;
  params?: IssueParams;
}

/** The schema keyword that carries a pattern's meaning; OpenAPI allows `x-` keys in schemas. */
export const ISSUE_KEYWORD = 'x-issue';

/** One Ajv error, as Fastify hands it over (Ajv runs with `verbose`, so `parentSchema` is set). */
export interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
  parentSchema?: unknown;
}

type Meaning = (params: Record<string, unknown>, schema: Record<string, unknown>) => IssueMeaning;

const limit = (params: Record<string, unknown>): number => Number(params.limit);

// Ajv's formats are named for what the reader should type, not for the format's spec.
const FORMAT_CODES: Record<string, string> = {
  email: 'not_email',
  uuid: 'not_id',
  'date-time': 'not_date_time',
  date: 'not_date',
};

const listOf = (value: unknown): string =>
  (Array.isArray(value) ? value : [value]).map((v) => String(v)).join(', ');

/**
 * Every Ajv keyword Plaza's schemas use, as a stable code with the numbers a message needs.
 * A keyword not listed here becomes `invalid`, which clients show as a generic sentence.
 */
const KEYWORDS: Record<string, Meaning> = {
  required: () => ({ code: 'required' }),
  additionalProperties: () => ({ code: 'unknown_field' }),
  type: (p) => ({ code: 'wrong_type', params: { type: listOf(p.type) } }),
  minLength: (p) => ({ code: 'too_short', params: { min: limit(p) } }),
  maxLength: (p) => ({ code: 'too_long', params: { max: limit(p) } }),
  minimum: (p) => ({ code: 'too_small', params: { min: limit(p) } }),
  exclusiveMinimum: (p) => ({ code: 'not_above', params: { min: limit(p) } }),
  maximum: (p) => ({ code: 'too_large', params: { max: limit(p) } }),
  exclusiveMaximum: (p) => ({ code: 'not_below', params: { max: limit(p) } }),
  multipleOf: (p) => ({ code: 'not_multiple', params: { of: Number(p.multipleOf) } }),
  enum: (p) => ({ code: 'not_allowed', params: { allowed: listOf(p.allowedValues) } }),
  const: (p) => ({ code: 'not_allowed', params: { allowed: listOf(p.allowedValue) } }),
  format: (p) => {
    const format = String(p.format);
    return FORMAT_CODES[format] ? { code: FORMAT_CODES[format] } : { code: 'bad_format', params: { format } };
  },
  pattern: (_p, schema) => meaningOf(schema) ?? { code: 'bad_format' },
  minItems: (p) => ({ code: 'too_few_items', params: { min: limit(p) } }),
  maxItems: (p) => ({ code: 'too_many_items', params: { max: limit(p) } }),
  uniqueItems: () => ({ code: 'duplicate_items' }),
  minProperties: (p) => ({ code: 'too_few_fields', params: { min: limit(p) } }),
  maxProperties: (p) => ({ code: 'too_many_fields', params: { max: limit(p) } }),
};

function meaningOf(schema: Record<string, unknown>): IssueMeaning | undefined {
  const meaning = schema[ISSUE_KEYWORD] as IssueMeaning | undefined;
  return meaning && typeof meaning.code === 'string' ? meaning : undefined;
}

/** The field an Ajv error names: the missing or unknown property for those keywords. */
function fieldOf(issue: AjvIssue): string {
  const base = issue.instancePath ?? '';
  const params = issue.params ?? {};
  if (issue.keyword === 'required' && typeof params.missingProperty === 'string')
    return `${base}/${params.missingProperty}`;
  if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string')
    return `${base}/${params.additionalProperty}`;
  return base || '/';
}

// The English line stays what it was before codes existed, for clients that read it; a pattern
// with a meaning says the meaning, since a regular expression tells a person nothing.
function englishOf(issue: AjvIssue, meaning: IssueMeaning): string {
  if (issue.keyword === 'required') return 'is required';
  if (issue.keyword === 'additionalProperties') return 'is not a known field';
  if (issue.keyword === 'pattern' && meaning.code !== 'bad_format') {
    const params = Object.entries(meaning.params ?? {}).map(([key, value]) => `, ${key} ${value}`);
    return `is not in the expected form (${meaning.code}${params.join('')})`;
  }
  return issue.message ?? 'is invalid';
}

/**
 * The most field issues one answer carries. Ajv reports every bad field (`allErrors`), so a
 * garbage body could list thousands; a form needs a screenful, and the rest are not mapped.
 */
export const MAX_FIELD_ISSUES = 20;

/**
 * Ajv's errors as Plaza field issues: a stable code and params for each, the field prefixed by
 * the part of the request it is in (`querystring:/limit`; the body has no prefix). Only the
 * first `MAX_FIELD_ISSUES` are kept; the caller compares lengths to say the list was cut.
 */
export function fieldIssuesOf(validation: readonly AjvIssue[], context: string | undefined): FieldIssue[] {
  const prefix = context && context !== 'body' ? `${context}:` : '';
  return validation.slice(0, MAX_FIELD_ISSUES).map((issue) => {
    const schema = (issue.parentSchema ?? {}) as Record<string, unknown>;
    const meaning = KEYWORDS[issue.keyword ?? '']?.(issue.params ?? {}, schema) ?? { code: 'invalid' };
    return fieldIssue(prefix + fieldOf(issue), meaning.code, englishOf(issue, meaning), meaning.params);
  });
}
