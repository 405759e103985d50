import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { registerAuthRoutes } from './auth/routes.ts';
import { migrateToLatest } from './db/migrations.ts';
import { createHttpApp, type PlazaApp } from './http/app.ts';
import { problemOf } from './http/problem.ts';
import { registerIdempotency, scheduleIdempotencyCleanup } from './idempotency/hooks.ts';
import { createIdempotencyStore, type IdempotencyTables } from './idempotency/store.ts';
import { type Platform, pingDatabase, tables } from './platform.ts';

/** A product (Community, Rewards) plugs into a Plaza process through this. */
export interface PlazaProduct {
  name: string;
  /** Source folders whose `migrations/` subfolders hold this product's migrations. */
  migrationRoots: string[];
  register(app: PlazaApp, platform: Platform): Promise<void>;
}

const KERNEL_SRC = path.dirname(fileURLToPath(import.meta.url));

export async function migrate(platform: Platform, products: PlazaProduct[]): Promise<string[]> {
  return migrateToLatest(
    platform.database.db,
    [KERNEL_SRC, ...products.flatMap((p) => p.migrationRoots)],
    platform.database.schema,
  );
}

export interface ServerOptions {
  /** Built web app to serve at `/`; skipped when absent. */
  webDir?: string;
}

export async function buildServer(
  platform: Platform,
  products: PlazaProduct[],
  options: ServerOptions = {},
): Promise<PlazaApp> {
  const { config } = platform;
  const app = await createHttpApp({
    logger: platform.logger,
    metrics: platform.metrics,
    trustProxy: config.trustProxy,
    authenticate: (token) => platform.auth.authenticate(token),
    checkReady: () => pingDatabase(platform),
    maxUploadBytes: config.maxUploadMb * 1024 * 1024,
  });
  const idempotency = createIdempotencyStore(tables<IdempotencyTables>(platform));
  registerIdempotency(app, idempotency, platform.clock);
  const stopCleanup = scheduleIdempotencyCleanup(idempotency, platform.clock);
  app.addHook('onClose', async () => stopCleanup());
  registerAuthRoutes(app, {
    auth: platform.auth,
    rateLimiter: platform.rateLimiter,
    limits: config,
    sessionTtlMs: config.sessionTtlDays * 86_400_000,
    cookieSecure: config.cookieSecure,
  });
  for (const product of products) await product.register(app, platform);
  if (options.webDir) await serveWebApp(app, options.webDir);
  return app;
}

/** Serves the single-page app; unknown non-API paths get index.html so client routes work. */
async function serveWebApp(app: PlazaApp, webDir: string): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ webDir }, 'web app is not built; serving the API only');
    return;
  }
  await app.register(fastifyStatic, { root: path.resolve(webDir), wildcard: false, index: false });
  const html = fs.readFileSync(index);
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(pathname)) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send(problemOf('route_not_found', 404, `No route ${request.method} ${pathname}`));
    }
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
