import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireViewer } from '../index.ts';
import { bearer, createTestServer, signUpForTest, type TestServer, testDatabases } from '../testing/index.ts';
import { isWriteAllowed } from './origin-check.ts';

const OWN = 'http://plaza.test';

describe('isWriteAllowed', () => {
  const write = (over: Partial<Parameters<typeof isWriteAllowed>[0]>) =>
    isWriteAllowed({ method: 'POST', bearer: false, origin: undefined, secFetchSite: undefined, ...over }, [
      OWN,
    ]);

  it('lets safe methods and bearer clients through whatever their origin', () => {
    expect(write({ method: 'GET', origin: 'http://evil.test' })).toBe(true);
    expect(write({ method: 'HEAD', secFetchSite: 'cross-site' })).toBe(true);
    expect(write({ bearer: true, origin: 'http://evil.test' })).toBe(true);
  });

  it('judges by Origin first, then by Sec-Fetch-Site, and lets a request with neither through', () => {
    expect(write({ origin: OWN })).toBe(true);
    expect(write({ origin: 'http://plaza.test:8080' })).toBe(false);
    expect(write({ origin: 'https://plaza.test' })).toBe(false);
    expect(write({ origin: 'null' })).toBe(false);
    expect(write({ origin: OWN, secFetchSite: 'cross-site' })).toBe(true);
    expect(write({ secFetchSite: 'same-origin' })).toBe(true);
    expect(write({ secFetchSite: 'none' })).toBe(true);
    expect(write({ secFetchSite: 'same-site' })).toBe(false);
    expect(write({ secFetchSite: 'cross-site' })).toBe(false);
    for (const method of ['PUT', 'PATCH', 'DELETE'])
      expect(write({ method, origin: 'http://evil.test' })).toBe(false);
    expect(write({})).toBe(true);
  });

  it('treats a WebSocket handshake like a write (cross-site WebSocket hijacking)', () => {
    expect(write({ method: 'GET', websocket: true, origin: 'http://evil.test' })).toBe(false);
    expect(write({ method: 'GET', websocket: true, origin: OWN })).toBe(true);
  });
});

describe('cookie-authenticated writes over HTTP', () => {
  let server: TestServer;
  let token: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = await createTestServer(testDatabases()[0]!, [
      {
        name: 'probe',
        migrationRoots: [],
        async register(app) {
          app.post('/api/v1/probe', async (request) => {
            hits.push(requireViewer(request).accountId);
            return { ok: true };
          });
        },
      },
    ]);
    token = (await signUpForTest(server.app, 'csrf_probe')).token;
  });
  afterAll(() => server.close());

  const post = (headers: Record<string, string>) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { host: 'plaza.test', 'content-type': 'text/plain', ...headers },
      payload: 'x',
    });
  const cookie = () => ({ cookie: `plaza_session=${token}` });

  it('refuses the cookie from a foreign origin or a cross-site fetch, and does nothing', async () => {
    const before = hits.length;
    for (const headers of [
      { ...cookie(), origin: 'http://plaza.test:9999' },
      { ...cookie(), origin: 'http://evil.test' },
      { ...cookie(), origin: 'null' },
      { ...cookie(), 'sec-fetch-site': 'same-site' },
      { ...cookie(), 'sec-fetch-site': 'cross-site' },
    ]) {
      const response = await post(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('cross_origin_refused');
    }
    expect(hits.length).toBe(before);
  });

  it('accepts the cookie from its own origin, a bearer token from anywhere, and a request with neither header', async () => {
    for (const headers of [
      { ...cookie(), origin: OWN },
      { ...cookie(), 'sec-fetch-site': 'same-origin' },
      { ...cookie() },
      { ...bearer(token), origin: 'http://evil.test', 'sec-fetch-site': 'cross-site' },
    ]) {
      const response = await post(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });

  it('answers 403, not 500, whatever the Host and Origin headers hold', async () => {
    for (const [host, origin] of [
      ['plaza test', 'https://plaza test'],
      ['plaza.test', 'https://plaza.test'],
      ['[::1', 'http://[::2'],
    ]) {
      const response = await post({ ...cookie(), host: host!, origin: origin! });
      expect(response.statusCode, `${host} ${origin}`).toBe(403);
    }
  });

  it('leaves safe requests alone', async () => {
    const response = await server.app.inject({
      url: '/healthz',
      headers: {
        ...cookie(),
        host: 'plaza.test',
        origin: 'http://evil.test',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a foreign page signing a browser in (login CSRF)', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { host: 'plaza.test', origin: 'http://evil.test' },
      payload: { login: 'csrf_probe', password: 'correct horse battery' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('Plaza behind a proxy', () => {
  const probe = {
    name: 'probe',
    migrationRoots: [],
    async register(app: TestServer['app']) {
      app.post('/api/v1/probe', async () => ({ ok: true }));
    },
  };

  it('takes its own origin from X-Forwarded-Proto/Host only when trusting the proxy', async () => {
    const headers = {
      host: 'plaza-backend:3000',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'plaza.example',
      origin: 'https://plaza.example',
    };
    for (const [trust, status] of [
      ['true', 200],
      ['false', 403],
    ] as const) {
      const server = await createTestServer(testDatabases()[0]!, [probe], { PLAZA_TRUST_PROXY: trust });
      const response = await server.app.inject({ method: 'POST', url: '/api/v1/probe', headers });
      expect(response.statusCode, `trust proxy ${trust}`).toBe(status);
      await server.close();
    }
  });

  it('accepts the configured public origins besides its own', async () => {
    const server = await createTestServer(testDatabases()[0]!, [probe], {
      PLAZA_PUBLIC_ORIGIN: 'https://plaza.example, https://www.plaza.example',
    });
    const post = (origin: string) =>
      server.app.inject({ method: 'POST', url: '/api/v1/probe', headers: { host: 'backend:3000', origin } });
    expect((await post('https://www.plaza.example')).statusCode).toBe(200);
    expect((await post('https://plaza.example')).statusCode).toBe(200);
    expect((await post('http://backend:3000')).statusCode).toBe(200);
    expect((await post('https://evil.plaza.example')).statusCode).toBe(403);
    await server.close();
  });
});
