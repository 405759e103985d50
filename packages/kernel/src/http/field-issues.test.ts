import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { MAX_FIELD_ISSUES } from './field-issues.ts';
import { sendProblem } from './problem.ts';
import { Body, Pattern } from './schemas.ts';
import { schemaCompiler } from './validators.ts';

/**
 * Every Ajv keyword Plaza's schemas use comes back as a stable code with the numbers a client
 * needs to say it in its own language; the English `message` stays for API readers.
 */
const BodySchema = Body({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
  email: Type.Optional(Type.String({ format: 'email' })),
  id: Type.Optional(Type.String({ format: 'uuid' })),
  at: Type.Optional(Type.String({ format: 'date-time' })),
  last4: Type.Optional(Pattern('^[0-9]{4}$', { code: 'must_be_digits', params: { length: 4 } })),
  bare: Type.Optional(Type.String({ pattern: '^x+$' })),
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
  ratio: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25 })),
  kind: Type.Optional(Type.Union([Type.Literal('a'), Type.Literal('b')])),
  color: Type.Optional(Type.String({ enum: ['red', 'blue'] })),
  tags: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 2, uniqueItems: true })),
  needed: Type.String(),
});

describe('validation problems', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    app.setValidatorCompiler(schemaCompiler);
    app.setErrorHandler((error, request, reply) => sendProblem(reply, error, request));
    app.post('/things', { schema: { body: BodySchema } }, async () => ({ ok: true }));
    app.get(
      '/things',
      { schema: { querystring: Type.Object({ limit: Type.Optional(Type.Integer({ maximum: 100 })) }) } },
      async () => ({ ok: true }),
    );
    app.post('/service', async () => {
      throw new ValidationError('no', [
        { field: '/title', code: 'too_long', params: { max: 20 }, message: 'x' },
      ]);
    });
    await app.ready();
  });
  afterAll(() => app.close());

  async function firstIssue(body: unknown) {
    const response = await app.inject({ method: 'POST', url: '/things', payload: body as object });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation_failed');
    return problem.errors[0];
  }

  const cases: [string, Record<string, unknown>, { field: string; code: string; params?: object }][] = [
    ['required', {}, { field: '/needed', code: 'required' }],
    ['additionalProperties', { needed: 'x', colour: 1 }, { field: '/colour', code: 'unknown_field' }],
    ['type', { needed: 5 }, { field: '/needed', code: 'wrong_type', params: { type: 'string' } }],
    ['minLength', { needed: 'x', title: '' }, { field: '/title', code: 'too_short', params: { min: 1 } }],
    [
      'maxLength',
      { needed: 'x', title: 'x'.repeat(31) },
      { field: '/title', code: 'too_long', params: { max: 30 } },
    ],
    ['format email', { needed: 'x', email: 'nope' }, { field: '/email', code: 'not_email' }],
    ['format uuid', { needed: 'x', id: 'nope' }, { field: '/id', code: 'not_id' }],
    ['format date-time', { needed: 'x', at: 'nope' }, { field: '/at', code: 'not_date_time' }],
    [
      'pattern with meaning',
      { needed: 'x', last4: '12a4' },
      { field: '/last4', code: 'must_be_digits', params: { length: 4 } },
    ],
    ['pattern without meaning', { needed: 'x', bare: 'y' }, { field: '/bare', code: 'bad_format' }],
    ['minimum', { needed: 'x', level: 0 }, { field: '/level', code: 'too_small', params: { min: 1 } }],
    ['maximum', { needed: 'x', level: 4 }, { field: '/level', code: 'too_large', params: { max: 3 } }],
    [
      'integer',
      { needed: 'x', level: 1.5 },
      { field: '/level', code: 'wrong_type', params: { type: 'integer' } },
    ],
    [
      'exclusiveMinimum',
      { needed: 'x', ratio: 0 },
      { field: '/ratio', code: 'not_above', params: { min: 0 } },
    ],
    [
      'exclusiveMaximum',
      { needed: 'x', ratio: 1 },
      { field: '/ratio', code: 'not_below', params: { max: 1 } },
    ],
    [
      'multipleOf',
      { needed: 'x', ratio: 0.3 },
      { field: '/ratio', code: 'not_multiple', params: { of: 0.25 } },
    ],
    [
      'const (a union of literals)',
      { needed: 'x', kind: 'c' },
      { field: '/kind', code: 'not_allowed', params: { allowed: 'a' } },
    ],
    [
      'enum',
      { needed: 'x', color: 'green' },
      { field: '/color', code: 'not_allowed', params: { allowed: 'red, blue' } },
    ],
    ['minItems', { needed: 'x', tags: [] }, { field: '/tags', code: 'too_few_items', params: { min: 1 } }],
    [
      'maxItems',
      { needed: 'x', tags: ['a', 'b', 'c'] },
      { field: '/tags', code: 'too_many_items', params: { max: 2 } },
    ],
    ['uniqueItems', { needed: 'x', tags: ['a', 'a'] }, { field: '/tags', code: 'duplicate_items' }],
  ];
  for (const [keyword, body, expected] of cases) {
    it(`maps ${keyword} to a code with its params`, async () => {
      const issue = await firstIssue(body);
      expect({ field: issue.field, code: issue.code, params: issue.params }).toEqual({
        params: undefined,
        ...expected,
      });
      expect(typeof issue.message).toBe('string');
    });
  }

  it('never answers a regular expression to the reader', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { needed: 'x', last4: 'abcd' },
    });
    expect(response.body).not.toContain('^[0-9]');
  });

  it('names the part of the request for query strings', async () => {
    const response = await app.inject({ method: 'GET', url: '/things?limit=500' });
    expect(response.json().errors[0]).toMatchObject({
      field: 'querystring:/limit',
      code: 'too_large',
      params: { max: 100 },
    });
  });

  it('reports every bad field at once, so a form marks them all', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/things',
      payload: { needed: 'x', title: 'x'.repeat(31), level: 9 },
    });
    const problem = response.json();
    expect(problem.errors.map((issue: { field: string; code: string }) => [issue.field, issue.code])).toEqual(
      [
        ['/title', 'too_long'],
        ['/level', 'too_large'],
      ],
    );
    expect(problem.errorsTruncated).toBeUndefined();
  });

  it('keeps the first 20 issues of a garbage body and says the list was cut', async () => {
    const garbage = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`junk${i}`, i]));
    const response = await app.inject({ method: 'POST', url: '/things', payload: garbage });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.errors).toHaveLength(MAX_FIELD_ISSUES);
    expect(problem.errors[1]).toMatchObject({ field: '/junk0', code: 'unknown_field' });
    expect(problem.errorsTruncated).toBe(true);
    expect(problem.detail).toMatch(/; and 9981 more$/);
  });

  it("answers a service's own field issues in the same shape", async () => {
    const response = await app.inject({ method: 'POST', url: '/service' });
    expect(response.json().errors).toEqual([
      { field: '/title', code: 'too_long', params: { max: 20 }, message: 'x' },
    ]);
  });
});
