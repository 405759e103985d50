import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestServer, signUpForTest, type TestServer, testDatabases } from '../testing/index.ts';
import { SESSION_CACHE_TTL_MS } from './service.ts';

describe.each(testDatabases())('accounts and sessions on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(target, [], { PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000' });
  });
  afterAll(() => server.close());

  it('signs up, logs in by handle or email, logs out', async () => {
    const { token } = await signUpForTest(server.app, 'lin_mei', 'zh-TW');
    expect(token).toMatch(/^[\w-]{40,}$/);
    for (const login of ['lin_mei', 'LIN_MEI@example.test']) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { login, password: 'correct horse battery' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().account.handle).toBe('lin_mei');
      expect(res.headers['set-cookie']).toMatch(/plaza_session=.*HttpOnly/);
    }
    const out = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: bearer(token),
    });
    expect(out.statusCode).toBe(204);
    const again = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: bearer(token),
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses a wrong password without telling whether the account exists', async () => {
    await signUpForTest(server.app, 'wrong_pw');
    const wrong = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 'wrong_pw', password: 'nope nope nope' },
    });
    const missing = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 'nobody_here', password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(missing.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(missing.json().detail);
    expect(wrong.json().code).toBe('invalid_credentials');
  });

  it('refuses a taken handle with a field-level error, the email left unsaid', async () => {
    await signUpForTest(server.app, 'taken_one');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: {
        handle: 'TAKEN_ONE',
        email: 'taken_one@example.test',
        password: 'long enough pw',
        language: 'en',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['/handle']);
  });

  it('rejects unknown fields, wrong types and invalid UTF-8 with problem+json', async () => {
    const unknown = await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: {
        handle: 'ok_name',
        email: 'a@b.cd',
        password: 'long enough pw',
        language: 'en',
        admin: true,
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toEqual({
      field: '/admin',
      code: 'unknown_field',
      message: 'is not a known field',
    });
    const wrongType = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 5, password: 'x' },
    });
    expect(wrongType.statusCode).toBe(400);
    const badUtf8 = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(badUtf8.statusCode).toBe(400);
    expect(badUtf8.json().code).toBe('invalid_utf8');
    const huge = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ login: 'x'.repeat(400_000), password: 'y' }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('payload_too_large');
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { 'content-type': 'application/json' },
      payload: '{"login":',
    });
    expect(malformed.json().code).toBe('malformed_json');
  });

  it('ends a session at its expiry, and reflects a role change at once, whatever is cached', async () => {
    const { token, id } = await signUpForTest(server.app, 'cached_one');
    const me = () => server.platform.auth.authenticate(token);
    expect((await me())?.role).toBe('user');
    await server.platform.auth.setRole(id, 'moderator');
    expect((await me())?.role).toBe('moderator');
    server.clock.advance(server.platform.config.sessionTtlDays * 86_400_000 + 1);
    expect(await me()).toBeNull();
  });

  it('refuses a session ended by another process once re-read, never later than the cache’s time to live', async () => {
    const first = await signUpForTest(server.app, 'elsewhere_one');
    const second = await signUpForTest(server.app, 'elsewhere_two');
    const me = (token: string) => server.platform.auth.authenticate(token);
    expect(await me(first.token)).not.toBeNull();
    expect(await me(second.token)).not.toBeNull();
    const db = server.platform.database.db;
    await sql`delete from sessions where account_id in (${first.id}, ${second.id})`.execute(db);
    // Still cached: honoured.
    expect(await me(first.token)).not.toBeNull();
    // In use past the refresh point: served once more while re-read in the background.
    server.clock.advance(SESSION_CACHE_TTL_MS * 0.9);
    expect(await me(first.token)).not.toBeNull();
    // The re-read runs in the background: wait for it (bounded), however slow the machine.
    for (let i = 0; i < 300 && (await me(first.token)) !== null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await me(first.token)).toBeNull();
    // Not read since: past the time to live it is read again before answering.
    server.clock.advance(SESSION_CACHE_TTL_MS * 0.1);
    expect(await me(second.token)).toBeNull();
  });

  it('changing the password ends the other sessions but not this one', async () => {
    const first = await signUpForTest(server.app, 'changer');
    const second = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 'changer', password: 'correct horse battery' },
    });
    const otherToken = second.json().token as string;
    const change = await server.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: bearer(first.token),
      payload: { currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' },
    });
    expect(change.statusCode).toBe(204);
    const other = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: bearer(otherToken),
    });
    expect(other.statusCode).toBe(401);
    const mine = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: bearer(first.token),
    });
    expect(mine.statusCode).toBe(204);
  });
});

describe('sign-up rate limits', () => {
  it('answers 429 with Retry-After past the per-address limit, and writes nothing', async () => {
    const server = await createTestServer(testDatabases()[0]!, [], { PLAZA_SIGNUP_PER_IP_PER_HOUR: '2' });
    try {
      await signUpForTest(server.app, 'rl_one');
      await signUpForTest(server.app, 'rl_two');
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: {
          handle: 'rl_three',
          email: 'rl3@example.test',
          password: 'long enough pw',
          language: 'en',
        },
      });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(await server.platform.auth.findByHandle('rl_three')).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
