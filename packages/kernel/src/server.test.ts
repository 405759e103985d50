import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlazaApp } from './http/app.ts';
import { buildServer, cacheControlOf } from './server.ts';
import { createTestPlatform, type TestPlatform, testDatabases } from './testing/index.ts';

const HASHED_JS = 'export const greeting = "hello";\n'.repeat(40);

describe('the HTTP server', () => {
  let test: TestPlatform;
  let app: PlazaApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-web-'));
  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Plaza</title>');
    fs.writeFileSync(path.join(webDir, 'app.js'), 'console.log(1)');
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets/main-AbC123xy.js'), HASHED_JS);
    fs.writeFileSync(path.join(webDir, 'assets/main-AbC123xy.js.br'), brotliCompressSync(HASHED_JS));
    test = await createTestPlatform(testDatabases()[0]!);
    app = await buildServer(test.platform, [], { webDir });
  });
  afterAll(async () => {
    await app.close();
    await test.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('answers health and readiness (metrics: http/metrics-endpoint.test.ts)', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('documents the API as OpenAPI', async () => {
    const doc = (await app.inject({ url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/sessions');
  });

  it('serves the web app, with index.html for client routes and problems for unknown API routes', async () => {
    const page = await app.inject({ url: '/notes/some-id' });
    expect(page.headers['content-type']).toContain('text/html');
    expect((await app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
    const api = await app.inject({ url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('route_not_found');
    expect((await app.inject({ url: '/missing.png' })).statusCode).toBe(404);
  });

  it('sends a precompressed copy when the browser takes it, and keeps hashed assets a year', async () => {
    const br = await app.inject({
      url: '/assets/main-AbC123xy.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(HASHED_JS.length);
    // No .gz beside it: a gzip-only browser gets the file itself.
    const plain = await app.inject({
      url: '/assets/main-AbC123xy.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(HASHED_JS);
    expect((await app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/app.js' })).headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('cacheControlOf', () => {
  it('keeps hashed assets a year, revalidates index.html, and keeps other files an hour', () => {
    expect(cacheControlOf('/web', '/web/assets/index-Ab12.js.br')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(cacheControlOf('/web/', '/web/index.html')).toBe('no-cache');
    expect(cacheControlOf('/web', '/web/index.html.gz')).toBe('no-cache');
    expect(cacheControlOf('/web', '/web/favicon.ico')).toBe('public, max-age=3600');
    expect(cacheControlOf('/web', '/web/icons/assets/x.png')).toBe('public, max-age=3600');
  });
});
