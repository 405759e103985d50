import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlazaApp } from './http/app.ts';
import { buildServer } from './server.ts';
import { createTestPlatform, type TestPlatform, testDatabases } from './testing/index.ts';

describe('the HTTP server', () => {
  let test: TestPlatform;
  let app: PlazaApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-web-'));
  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Plaza</title>');
    fs.writeFileSync(path.join(webDir, 'app.js'), 'console.log(1)');
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
});
