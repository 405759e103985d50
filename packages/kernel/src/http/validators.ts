import { Ajv, type Options } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

// `verbose` puts the failing schema on each error, so a pattern's `x-issue` meaning can be read.
// `allErrors` reports every bad field at once, so a form can mark them all in one answer; the
// body limit bounds Ajv's work, and the answer keeps only the first `MAX_FIELD_ISSUES`.
const shared: Options = {
  allErrors: true,
  strict: false,
  removeAdditional: false,
  useDefaults: true,
  verbose: true,
};

// Bodies are validated exactly: a number where a string belongs is an error, never coerced.
const bodyAjv = new Ajv({ ...shared, coerceTypes: false });
// Query strings and path params arrive as text, so they are coerced to the declared types.
const textAjv = new Ajv({ ...shared, coerceTypes: 'array' });
for (const ajv of [bodyAjv, textAjv]) {
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
}

export const schemaCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object);
