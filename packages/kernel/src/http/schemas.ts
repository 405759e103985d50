import { type StringOptions, type TSchema, Type } from '@sinclair/typebox';
import { ISSUE_KEYWORD, type IssueMeaning } from './field-issues.ts';

/** One field's problem: a stable code, the values its message needs, an English line. */
export const FieldIssueSchema = Type.Object({
  field: Type.String({ description: 'the field, as a JSON pointer; `querystring:` etc. for other parts' }),
  code: Type.String({ description: 'what is wrong: required, too_long, not_email, must_be_digits, …' }),
  params: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description: 'the values the message needs, e.g. { "max": 30 }',
    }),
  ),
  message: Type.String({ description: 'the same in English, for people reading the API' }),
});

/** Problem+json as documented in OpenAPI. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  params: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description: 'the values a message for `code` needs, e.g. { "nextSwitchDate": "2026-03-11" }',
    }),
  ),
  detail: Type.String(),
  errors: Type.Optional(Type.Array(FieldIssueSchema)),
  errorsTruncated: Type.Optional(
    Type.Literal(true, { description: 'errors lists only the first 20 field issues of more' }),
  ),
});

/** A JSON object that rejects unknown fields, which is what every Plaza request body is. */
export function Body<T extends Record<string, TSchema>>(properties: T) {
  return Type.Object(properties, { additionalProperties: false });
}

/**
 * A string matching `pattern`, with what the pattern means for the person typing it: a refusal
 * answers `meaning` (e.g. `must_be_digits` with `{ length: 4 }`), never the regular expression.
 * @example Pattern('^[0-9]{4}$', { code: 'must_be_digits', params: { length: 4 } })
 */
export function Pattern(pattern: string, meaning: IssueMeaning, options: StringOptions = {}) {
  return Type.String({ ...options, pattern, [ISSUE_KEYWORD]: meaning });
}

export const IdParam = Type.String({ format: 'uuid' });

/** `{items, nextCursor}`, the shape of every list. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const PageQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const errorResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};
