import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../server.ts';
import { createTestPlatform, type TestPlatform, testDatabases } from '../testing/index.ts';
import type { PlazaApp } from './app.ts';

const TOKEN = 'scrape-token-0123456789';
const METRIC = 'plaza_http_request_duration_seconds';

describe('/metrics', () => {
  const open: { test: TestPlatform; app: PlazaApp }[] = [];
  async function server(env: Record<string, string>): Promise<PlazaApp> {
    const test = await createTestPlatform(testDatabases()[0]!, [], env);
    const app = await buildServer(test.platform, []);
    open.push({ test, app });
    return app;
  }
  afterEach(async () => {
    for (const { test, app } of open.splice(0)) {
      await app.close();
      await test.close();
    }
  });

  it('is a 404 on the public port, like any unknown route, without the token', async () => {
    for (const env of [{}, { PLAZA_METRICS_TOKEN: TOKEN }] as Record<string, string>[]) {
      const app = await server(env);
      for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }]) {
        const response = await app.inject({ url: '/metrics', headers });
        expect(response.statusCode).toBe(404);
        expect(response.json().code).toBe('route_not_found');
        expect(response.body).not.toContain(METRIC);
      }
    }
  });

  it('answers the bearer of PLAZA_METRICS_TOKEN on the public port', async () => {
    const app = await server({ PLAZA_METRICS_TOKEN: TOKEN });
    const response = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(METRIC);
  });

  it('answers anyone on its own listener, which serves nothing else', async () => {
    const app = await server({ PLAZA_METRICS_PORT: '0', PLAZA_METRICS_HOST: '127.0.0.1' });
    expect(await app.metricsAddress()).toBeNull();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = await app.metricsAddress();
    expect(address?.address).toBe('127.0.0.1');
    const base = `http://127.0.0.1:${address!.port}`;
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain(METRIC);
    expect((await fetch(`${base}/healthz`)).status).toBe(404);
    expect((await fetch(`${base}/api/docs/json`)).status).toBe(404);
  });

  it('opens no listener when off', async () => {
    const app = await server({ PLAZA_METRICS_PORT: 'off' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    expect(await app.metricsAddress()).toBeNull();
  });
});
