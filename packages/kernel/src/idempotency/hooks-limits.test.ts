import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireViewer } from '../http/guards.ts';
import type { PlazaProduct } from '../server.ts';
import { bearer, createTestServer, signUpForTest, type TestServer, testDatabases } from '../testing/index.ts';
import { IDEMPOTENCY_WINDOW_MS, idempotentId } from './hooks.ts';

// Routes that count their calls, one per kind of answer the key must keep or let go.
let calls = 0;
const routes: PlazaProduct = {
  name: 'idempotency-limits',
  migrationRoots: [],
  async register(app) {
    app.post('/api/test/make', async (request, reply) => {
      requireViewer(request);
      calls += 1;
      return reply.status(201).send({ id: idempotentId(request, 'thing') ?? null, calls });
    });
    app.post('/api/test/text', async (request, reply) => {
      requireViewer(request);
      calls += 1;
      return reply.type('text/plain; charset=utf-8').send(`call ${calls}`);
    });
    app.post('/api/test/empty', async (request, reply) => {
      requireViewer(request);
      calls += 1;
      return reply.status(204).send();
    });
    app.post('/api/test/file', async (request, reply) => {
      requireViewer(request);
      calls += 1;
      return reply.type('application/octet-stream').send(Readable.from([Buffer.from(`file ${calls}`)]));
    });
    app.post('/api/test/anonymous', async (_request, reply) => {
      calls += 1;
      return reply.status(201).send({ calls });
    });
    app.get('/api/test/read', async () => {
      calls += 1;
      return { calls };
    });
  },
};

describe('Idempotency-Key limits', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await createTestServer(testDatabases()[0]!, [routes]);
    token = (await signUpForTest(server.app, 'idem_limits')).token;
  });
  afterAll(() => server.close());

  const send = (url: string, key: string, method: 'POST' | 'GET' = 'POST', auth = true) =>
    server.app.inject({
      method,
      url,
      headers: { ...(auth ? bearer(token) : {}), 'idempotency-key': key },
      ...(method === 'POST' ? { payload: {} } : {}),
    });

  it('takes 1 to 200 visible ASCII characters, and refuses anything else before running', async () => {
    const before = calls;
    const visible = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');
    expect((await send('/api/test/make', visible)).statusCode).toBe(201);
    expect((await send('/api/test/make', 'k'.repeat(200))).statusCode).toBe(201);
    for (const key of ['k'.repeat(201), 'has space', 'tab\there']) {
      const refused = await send('/api/test/make', key);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'validation_failed',
        detail: 'Idempotency-Key must be 1–200 visible ASCII characters.',
        errors: [{ field: 'header:idempotency-key', message: 'is invalid' }],
      });
    }
    expect(calls).toBe(before + 2);
  });

  it('leaves reads and anonymous requests alone: each runs, whatever the key', async () => {
    const before = calls;
    for (let i = 0; i < 2; i += 1) {
      const read = await send('/api/test/read', 'has space', 'GET');
      expect(read.statusCode).toBe(200);
      expect(read.headers['idempotent-replayed']).toBeUndefined();
      const anonymous = await send('/api/test/anonymous', 'k-anonymous', 'POST', false);
      expect(anonymous.statusCode).toBe(201);
      expect(anonymous.headers['idempotent-replayed']).toBeUndefined();
    }
    expect(calls).toBe(before + 4);
  });

  it('replays the content type and an empty answer as they were', async () => {
    const text = await send('/api/test/text', 'k-text');
    const textAgain = await send('/api/test/text', 'k-text');
    expect(textAgain.headers['idempotent-replayed']).toBe('true');
    expect(textAgain.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(textAgain.body).toBe(text.body);
    expect((await send('/api/test/empty', 'k-empty')).statusCode).toBe(204);
    const emptyAgain = await send('/api/test/empty', 'k-empty');
    expect(emptyAgain.statusCode).toBe(204);
    expect(emptyAgain.headers['idempotent-replayed']).toBe('true');
    expect(emptyAgain.body).toBe('');
  });

  it('does not keep a streamed answer: the key is freed and the retry runs', async () => {
    const before = calls;
    const first = await send('/api/test/file', 'k-file');
    const retry = await send('/api/test/file', 'k-file');
    expect([first.body, retry.body]).toEqual([`file ${before + 1}`, `file ${before + 2}`]);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('remembers a key for 24 hours, then lets the request run again', async () => {
    const first = await send('/api/test/make', 'k-window');
    server.clock.advance(IDEMPOTENCY_WINDOW_MS);
    const within = await send('/api/test/make', 'k-window');
    expect(within.headers['idempotent-replayed']).toBe('true');
    expect(within.json()).toEqual(first.json());
    server.clock.advance(1);
    const after = await send('/api/test/make', 'k-window');
    expect(after.statusCode).toBe(201);
    expect(after.headers['idempotent-replayed']).toBeUndefined();
    expect(after.json().calls).toBe(first.json().calls + 1);
    // The expired key was claimed afresh: its answer is kept again.
    expect((await send('/api/test/make', 'k-window')).json()).toEqual(after.json());
  });

  it('names the rows a keyed request makes after the key: a retry of an abandoned claim finds the same id', async () => {
    const first = await send('/api/test/make', 'k-named');
    const other = await send('/api/test/make', 'k-named-2');
    expect(first.json().id).toEqual(expect.any(String));
    expect(other.json().id).not.toBe(first.json().id);
    const unkeyed = await server.app.inject({
      method: 'POST',
      url: '/api/test/make',
      headers: bearer(token),
    });
    expect(unkeyed.json().id).toBeNull();
    // A crash between the write and the recording of its answer leaves a bare claim.
    await server.platform.database.db
      .updateTable('idempotency_keys' as never)
      .set({ status_code: null, response_body: null } as never)
      .where('key' as never, '=', 'k-named' as never)
      .execute();
    server.clock.advance(30_000);
    const stillFresh = await send('/api/test/make', 'k-named');
    expect(stillFresh.statusCode).toBe(409);
    expect(stillFresh.json()).toMatchObject({
      code: 'idempotency_in_progress',
      detail: 'The first request with this Idempotency-Key is still running.',
    });
    server.clock.advance(1);
    const retried = await send('/api/test/make', 'k-named');
    expect(retried.statusCode).toBe(201);
    expect(retried.json().id).toBe(first.json().id);
  });

  it('refuses a key reused for another request with its own code and sentence', async () => {
    await send('/api/test/make', 'k-reuse');
    const reused = await send('/api/test/text', 'k-reuse');
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({
      code: 'idempotency_key_reused',
      detail: 'This Idempotency-Key was used for a different request.',
    });
  });
});
