import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireViewer } from '../http/guards.ts';
import { Body } from '../http/schemas.ts';
import type { PlazaProduct } from '../server.ts';
import { bearer, createTestServer, signUpForTest, type TestServer, testDatabases } from '../testing/index.ts';

// A product whose one route counts how often it really ran.
let runs = 0;
const counter: PlazaProduct = {
  name: 'counter',
  migrationRoots: [],
  async register(app) {
    app.post(
      '/api/test/count',
      { schema: { body: Body({ by: Type.Integer() }) } },
      async (request, reply) => {
        requireViewer(request);
        runs += request.body.by;
        return reply.status(201).send({ runs });
      },
    );
  },
};

describe.each(testDatabases())('Idempotency-Key on $name', (target) => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await createTestServer(target, [counter]);
    token = (await signUpForTest(server.app, 'idem_user')).token;
  });
  afterAll(() => server.close());

  const post = (key: string, by: number) =>
    server.app.inject({
      method: 'POST',
      url: '/api/test/count',
      headers: { ...bearer(token), 'idempotency-key': key },
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

  it('remembers a validation failure too, and changes nothing', async () => {
    const before = runs;
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/test/count',
      headers: { ...bearer(token), 'idempotency-key': `k-${target.name}-3` },
      payload: { by: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(runs).toBe(before);
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
