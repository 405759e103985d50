import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { closeConnectionsOnShutdown } from './close-connections.ts';

it('answers a request that was running when shutdown began with Connection: close, so closing ends', async () => {
  const app = Fastify();
  closeConnectionsOnShutdown(app);
  let release = () => {};
  const started = new Promise<void>((resolveStarted) => {
    app.get('/slow', async () => {
      resolveStarted();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { ok: true };
    });
  });
  // Shutdown has begun when the request is let go, as on a server stopping under load.
  app.addHook('preClose', async () => release());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true });
  const answered = new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get({ host: '127.0.0.1', port, path: '/slow', agent }, resolve).on('error', reject),
  );
  await started;
  const closed = app.close();
  const response = await answered;
  response.resume();
  expect(response.statusCode).toBe(200);
  expect(response.headers.connection).toBe('close');
  // Without the header the keep-alive connection would hold the server open past this test's timeout.
  await closed;
  agent.destroy();
});

it('keeps connections alive while the server is not closing', async () => {
  const app = Fastify();
  closeConnectionsOnShutdown(app);
  app.get('/', async () => ({ ok: true }));
  const response = await app.inject({ url: '/' });
  expect(response.headers.connection).not.toBe('close');
  await app.close();
});
