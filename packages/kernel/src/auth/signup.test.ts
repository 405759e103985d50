import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, createTestServer, signUpForTest, type TestServer, testDatabases } from '../testing/index.ts';
import { hashPassword } from './passwords.ts';

// Counts argon2 hashes, to show a refused sign-up costs the same hash as an accepted one.
vi.mock('./passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./passwords.ts')>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

const signUp = (server: TestServer, payload: Record<string, string>) =>
  server.app.inject({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { language: 'en', password: 'correct horse battery', ...payload },
  });

describe.each(testDatabases())('sign-up rules on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(target, [], { PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000' });
  });
  afterAll(() => server.close());

  it('answers a taken email with the neutral refusal, naming no field, after hashing the password', async () => {
    await signUpForTest(server.app, 'owner_one');
    await signUpForTest(server.app, 'owner_two');
    vi.mocked(hashPassword).mockClear();
    const first = await signUp(server, { handle: 'prober_one', email: 'OWNER_ONE@example.test' });
    expect(vi.mocked(hashPassword)).toHaveBeenCalledTimes(1);
    const second = await signUp(server, { handle: 'prober_two', email: 'owner_two@example.test' });
    expect(first.statusCode).toBe(400);
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(first.json()).toEqual({
      type: '/problems/signup_refused',
      title: 'signup refused',
      status: 400,
      code: 'signup_refused',
      detail: "We couldn't create an account with these details. If you already have one, sign in.",
    });
    // The same bytes whoever owns the address: nothing in the answer depends on the account.
    expect(second.body).toBe(first.body);
    expect(first.body).not.toMatch(/email|exist|taken|owner/i);
    expect(await server.platform.auth.findByHandle('prober_one')).toBeUndefined();
  });

  it('still names a taken handle, which is public, and says nothing about the email', async () => {
    await signUpForTest(server.app, 'public_one');
    for (const email of ['public_one@example.test', 'fresh_person@example.test']) {
      const res = await signUp(server, { handle: 'Public_One', email });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('handle_taken');
      expect(res.json().errors).toEqual([{ field: '/handle', code: 'taken', message: 'is taken' }]);
    }
  });

  it('refuses a common password whatever its case or width, and creates nothing', async () => {
    for (const password of ['password123', 'BASKETBALL', 'Ｑｗｅｒｔｙｕｉｏｐ', '1q2w3e4r5t']) {
      const res = await signUp(server, { handle: 'common_pw', email: 'common_pw@example.test', password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().code).toBe('password_too_common');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['/password']);
    }
    expect(await server.platform.auth.findByHandle('common_pw')).toBeUndefined();
  });

  it('refuses a common new password and keeps the old one', async () => {
    const { token } = await signUpForTest(server.app, 'keeps_pw');
    const res = await server.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: bearer(token),
      payload: { currentPassword: 'correct horse battery', newPassword: 'Manchester' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('password_too_common');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['/newPassword']);
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 'keeps_pw', password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(201);
  });

  it('refuses a handle holding a direction control with bidi_control', async () => {
    for (const handle of ['abc\u202Eexe', '\u200Fabc_def', 'abc\u2066def']) {
      const res = await signUp(server, {
        handle,
        email: 'bidi_handle@example.test',
        password: 'password123',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('bidi_control');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['/handle', '/password']);
    }
  });
});
