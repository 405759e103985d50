import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Metrics } from '../metrics.ts';
import type { PlazaApp } from './app.ts';
import { problemOf } from './problem.ts';

/**
 * `/metrics` is for the operator's Prometheus, not the public: it names routes, counts errors
 * and shows the process's memory. It is served on a listener of its own (loopback by default),
 * and on the public port only to a request bearing PLAZA_METRICS_TOKEN; anyone else gets the
 * same 404 as an unknown route, so the public port does not even reveal that it exists.
 */

const METRICS_PATH = '/metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests so the comparison takes the same time whatever the guess. */
export function bearsToken(request: FastifyRequest, token: string | undefined): boolean {
  const header = request.headers.authorization;
  if (!token || !header?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), digest(token));
}

/** The public `/metrics`: the metrics to the token's bearer, else a 404 like any unknown route. */
export function registerPublicMetrics(app: PlazaApp, metrics: Metrics, token: string | undefined): void {
  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (!bearsToken(request, token))
      return reply
        .status(404)
        .type('application/problem+json')
        .send(problemOf('route_not_found', 404, `No route GET ${METRICS_PATH}`));
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

export interface MetricsListener {
  address: AddressInfo;
  close(): Promise<void>;
}

/**
 * A bare HTTP server answering `GET /metrics` and nothing else, for the private address. It
 * shares nothing with the public app: no cookies, no sessions, no routes.
 */
export function listenForMetrics(metrics: Metrics, host: string, port: number): Promise<MetricsListener> {
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== METRICS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics failed\n'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        address: server.address() as AddressInfo,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
