import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer, testDatabases } from '../testing/index.ts';

const LOGIN = { login: 'cookie_holder', password: 'correct horse battery' };

describe.each([
  { secure: 'false', name: 'plaza_session', other: '__Host-plaza_session' },
  { secure: 'true', name: '__Host-plaza_session', other: 'plaza_session' },
])('the session cookie with PLAZA_COOKIE_SECURE=$secure', ({ secure, name, other }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(testDatabases()[0]!, [], { PLAZA_COOKIE_SECURE: secure });
    await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: {
        handle: LOGIN.login,
        email: 'cookie@example.test',
        password: LOGIN.password,
        language: 'en',
      },
    });
  });
  afterAll(() => server.close());

  it(`is ${name}: HttpOnly, SameSite=Lax, Path=/, no Domain; only that name signs in`, async () => {
    const login = await server.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: LOGIN });
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie.startsWith(`${name}=`)).toBe(true);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toMatch(/Domain=/i);
    expect(setCookie.includes('Secure')).toBe(secure === 'true');
    const { token } = login.json() as { token: string };

    const as = (cookie: string) =>
      server.app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { cookie } });
    expect((await as(`${other}=${token}`)).statusCode).toBe(401);
    const out = await as(`${name}=${token}`);
    expect(out.statusCode).toBe(204);
    const cleared = String(out.headers['set-cookie']);
    expect(cleared.startsWith(`${name}=;`)).toBe(true);
    expect(cleared.includes('Secure')).toBe(secure === 'true');
  });
});
