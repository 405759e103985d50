import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError, ValidationError } from '../errors.ts';
import { requireViewer } from '../http/guards.ts';
import { Body } from '../http/schemas.ts';
import type { PlazaProduct } from '../server.ts';
import { bearer, createTestServer, signUpForTest, type TestServer, testDatabases } from '../testing/index.ts';

// A product whose one route counts how often its handler ran (`calls`) and what it added
// (`runs`). A negative `by` is refused by the handler (a rule, after the schema passed);
// `failNext` makes the next call fail the way a broken or overloaded server does.
let runs = 0;
let calls = 0;
let failNext: 'crash' | 'busy' | 'unavailable' | null = null;
const counter: PlazaProduct = {
  name: 'counter',
  migrationRoots: [],
  async register(app) {
    app.post(
      '/api/test/count',
      { schema: { body: Body({ by: Type.Integer() }) } },
      async (request, reply) => {
        requireViewer(request);
        calls += 1;
        const failure = failNext;
        failNext = null;
        if (failure === 'crash') throw new Error('the database went away');
        if (failure === 'busy') throw new RateLimitedError(1);
        if (failure === 'unavailable') return reply.status(503).send({ code: 'unavailable' });
        if (request.body.by < 0)
          throw new ValidationError('by must not be negative', [
            { field: '/by', code: 'too_small', message: 'is negative' },
          ]);
        runs += request.body.by;
        return reply.status(201).send({ runs });
      },
    );
  },
};

describe.each(testDatabases())('Idempotency-Key on $name', (target) => {
  let server: TestServer;
  let token: string;
  let otherToken: string;
  beforeAll(async () => {
    server = await createTestServer(target, [counter]);
    token = (await signUpForTest(server.app, 'idem_user')).token;
    otherToken = (await signUpForTest(server.app, 'idem_other')).token;
  });
  afterAll(() => server.close());

  const post = (key: string, by: unknown, as = token) =>
    server.app.inject({
      method: 'POST',
      url: '/api/test/count',
      headers: { ...bearer(as), 'idempotency-key': key },
      payload: { by },
    });

  it('runs a retried request once and replays the first answer', async () => {
    const before = runs;
    const first = await post(`k-${target.name}-1`, 1);
    const retry = await post(`k-${target.name}-1`, 1);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(runs).toBe(before + 1);
  });

  it('refuses the same key for a different request', async () => {
    await post(`k-${target.name}-2`, 1);
    const other = await post(`k-${target.name}-2`, 5);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
  });

  it('keeps a body refused by its schema: the retry is replayed, a corrected body needs a new key', async () => {
    const key = `k-${target.name}-3`;
    const [before, callsBefore] = [runs, calls];
    const bad = await post(key, 'x');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['idempotent-replayed']).toBeUndefined();
    const retry = await post(key, 'x');
    expect(retry.statusCode).toBe(400);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(bad.body);
    expect((await post(key, 2)).json().code).toBe('idempotency_key_reused');
    expect([runs, calls]).toEqual([before, callsBefore]);
  });

  it('keeps a refusal by the handler: the retry is replayed, the handler ran once', async () => {
    const key = `k-${target.name}-4`;
    const callsBefore = calls;
    const refused = await post(key, -1);
    expect(refused.statusCode).toBe(400);
    const retry = await post(key, -1);
    expect(retry.statusCode).toBe(400);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(refused.json());
    expect(calls).toBe(callsBefore + 1);
  });

  it.each([
    ['a crash (500)', 'crash', 500],
    ['an unavailable server (503)', 'unavailable', 503],
    ['a rate limit (429)', 'busy', 429],
  ] as const)('frees the key after %s, so the retry runs', async (_name, failure, status) => {
    const key = `k-${target.name}-${failure}`;
    const [before, callsBefore] = [runs, calls];
    failNext = failure;
    expect((await post(key, 1)).statusCode).toBe(status);
    const retry = await post(key, 1);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(retry.json()).toEqual({ runs: before + 1 });
    expect([runs, calls]).toEqual([before + 1, callsBefore + 2]);
    // Once answered, the key holds that answer like any other.
    expect((await post(key, 1)).headers['idempotent-replayed']).toBe('true');
  });

  it('keeps each account’s keys apart: one key, two accounts, two requests that both run', async () => {
    const key = `k-${target.name}-shared`;
    const before = runs;
    const mine = await post(key, 1);
    const theirs = await post(key, 10, otherToken);
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json()).toEqual({ runs: before + 11 });
    // And each retry gets its own account's answer.
    expect((await post(key, 1)).json()).toEqual(mine.json());
    expect((await post(key, 10, otherToken)).json()).toEqual(theirs.json());
    expect(runs).toBe(before + 11);
  });
});

describe('an Idempotency-Key claimed by a process that died', () => {
  it('is answered 409 while fresh, and may run again once abandoned', async () => {
    const server = await createTestServer(testDatabases()[0]!, [counter]);
    try {
      const { token } = await signUpForTest(server.app, 'idem_crash');
      const send = () =>
        server.app.inject({
          method: 'POST',
          url: '/api/test/count',
          headers: { ...bearer(token), 'idempotency-key': 'k-crash' },
          payload: { by: 1 },
        });
      expect((await send()).statusCode).toBe(201);
      // What a crash between the write and the recording of its answer leaves: a bare claim.
      await server.platform.database.db
        .updateTable('idempotency_keys' as never)
        .set({ status_code: null, response_body: null } as never)
        .execute();
      const fresh = await send();
      expect(fresh.statusCode).toBe(409);
      expect(fresh.json().code).toBe('idempotency_in_progress');
      server.clock.advance(31_000);
      expect((await send()).statusCode).toBe(201);
      expect((await send()).headers['idempotent-replayed']).toBe('true');
    } finally {
      await server.close();
    }
  });
});
