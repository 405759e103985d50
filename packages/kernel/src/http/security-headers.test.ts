import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server.ts';
import { createTestPlatform, type TestPlatform, testDatabases } from '../testing/index.ts';
import type { PlazaApp } from './app.ts';

/** The directives of a Content-Security-Policy header, by name. */
function directives(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectBrowserHeaders(response: LightMyRequestResponse, what: string): void {
  expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  expect(response.headers['x-frame-options'], what).toBe('DENY');
  expect(response.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(directives(response).get('frame-ancestors'), what).toEqual(["'none'"]);
}

/** The page's one inline style (the skeleton's, in the real build) and its hash, worked out here. */
const CRITICAL_STYLE = '.skeleton{min-height:100vh}';
const CRITICAL_STYLE_SOURCE = `'sha256-${createHash('sha256').update(CRITICAL_STYLE).digest('base64')}'`;

describe('security headers', () => {
  let test: TestPlatform;
  let app: PlazaApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-web-'));
  beforeAll(async () => {
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      `<!doctype html><title>Plaza</title><style>${CRITICAL_STYLE}</style>`,
    );
    fs.writeFileSync(path.join(webDir, 'app.js'), 'console.log(1)');
    test = await createTestPlatform(testDatabases()[0]!);
    app = await buildServer(test.platform, [], { webDir });
  });
  afterAll(async () => {
    await app.close();
    await test.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('gives the web app a policy that runs only its own scripts and styles', async () => {
    const page = await app.inject({ url: '/notes/some-id' });
    expect(page.headers['content-type']).toContain('text/html');
    expectBrowserHeaders(page, 'page');
    const csp = directives(page);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    // Its own stylesheets, and of inline styles exactly the one index.html carries.
    expect(csp.get('style-src')).toEqual(["'self'", CRITICAL_STYLE_SOURCE]);
    expect(csp.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('puts the headers on files, JSON, 404s, refusals and router errors too', async () => {
    const responses: [string, LightMyRequestResponse][] = [
      ['file', await app.inject({ url: '/app.js' })],
      ['json', await app.inject({ url: '/healthz' })],
      ['missing file', await app.inject({ url: '/missing.png' })],
      ['unknown API route', await app.inject({ url: '/api/v1/nothing' })],
      ['401', await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current' })],
      [
        'cross-origin refusal',
        await app.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          headers: { origin: 'http://evil.test' },
          payload: {},
        }),
      ],
      ['bad URL', await app.inject({ url: '/api/v1/accounts/%E0%A4%A' })],
    ];
    expect(responses.map(([what, r]) => [what, r.statusCode])).toEqual([
      ['file', 200],
      ['json', 200],
      ['missing file', 404],
      ['unknown API route', 404],
      ['401', 401],
      ['cross-origin refusal', 403],
      ['bad URL', 400],
    ]);
    for (const [what, response] of responses) expectBrowserHeaders(response, what);
  });

  it('gives the API explorer its own policy, still without foreign or inline scripts', async () => {
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expectBrowserHeaders(docs, 'docs');
    const csp = directives(docs);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('adds Strict-Transport-Security behind HTTPS only', async () => {
    const secure = await createTestPlatform(testDatabases()[0]!, [], { PLAZA_COOKIE_SECURE: 'true' });
    const secureApp = await buildServer(secure.platform, []);
    const response = await secureApp.inject({ url: '/healthz' });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    await secureApp.close();
    await secure.close();
  });
});
