import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { registerAuthRoutes } from './auth/routes.ts';
import { scheduleOutboxSweep } from './bus.ts';
import { migrateToLatest } from './db/migrations.ts';
import { createHttpApp, type PlazaApp } from './http/app.ts';
import { listenForMetrics, type MetricsListener } from './http/metrics-endpoint.ts';
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

const OUTBOX_SWEEP_INTERVAL_MS = 1_000;
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
  /** How long a page waits for a product's first screen (kernel `FIRST_SCREEN_BUDGET_MS` unless given). */
  firstScreenBudgetMs?: number;
}

export async function buildServer(
  platform: Platform,
  products: PlazaProduct[],
  options: ServerOptions = {},
): Promise<PlazaApp> {
  const { config } = platform;
  const spaIndexHtml = readWebIndex(options.webDir);
  if (options.webDir && !spaIndexHtml)
    platform.logger.warn({ webDir: options.webDir }, 'web app is not built; serving the API only');
  const app = await createHttpApp({
    logger: platform.logger,
    metrics: platform.metrics,
    trustProxy: config.trustProxy,
    publicOrigins: config.publicOrigin,
    sessionCookie: {
      secure: config.cookieSecure,
      maxAgeSeconds: config.sessionTtlDays * 86_400,
    },
    metricsToken: config.metricsToken,
    authenticate: (token) => platform.auth.authenticate(token),
    checkReady: () => pingDatabase(platform),
    maxUploadBytes: config.maxUploadMb * 1024 * 1024,
    ...(spaIndexHtml ? { spaIndexHtml } : {}),
    ...(options.firstScreenBudgetMs === undefined
      ? {}
      : { firstScreenBudgetMs: options.firstScreenBudgetMs }),
  });
  const idempotency = createIdempotencyStore(tables<IdempotencyTables>(platform));
  registerIdempotency(app, idempotency, platform.clock, config.idempotencyAbandonSeconds * 1000);
  const stopCleanup = scheduleIdempotencyCleanup(idempotency, platform.clock);
  app.addHook('onClose', async () => stopCleanup());
  registerAuthRoutes(app, {
    auth: platform.auth,
    rateLimiter: platform.rateLimiter,
    limits: config,
  });
  for (const product of products) await product.register(app, platform);
  // Only now is every subscriber in place: events left over from a crash are delivered, and
  // the sweep keeps delivering what other processes or failed attempts leave behind.
  await platform.bus.deliver();
  const stopSweep = scheduleOutboxSweep(platform.bus, OUTBOX_SWEEP_INTERVAL_MS, platform.logger);
  app.addHook('onClose', async () => stopSweep());
  serveMetricsWhileListening(app, platform);
  const webDir = options.webDir;
  if (webDir && spaIndexHtml) {
    await app.register(fastifyStatic, {
      root: path.resolve(webDir),
      wildcard: false,
      index: false,
      // The build writes `.br` and `.gz` beside each file (scripts/web/precompress.ts): they are
      // sent as they are when the browser accepts them, and get no routes of their own.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlOf(webDir, filePath)),
    });
  }
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Where the private metrics listener listens, once `listen()` started it; null when off or failed. */
    metricsAddress(): Promise<AddressInfo | null>;
  }
}

/**
 * The private `/metrics` listener opens when the app listens (a command that only builds the
 * app, like an import, opens none) and closes with it. A port already taken is logged, and
 * Plaza serves on without it: metrics must not cost the product its availability.
 */
function serveMetricsWhileListening(app: PlazaApp, platform: Platform): void {
  const { metricsPort, metricsHost } = platform.config;
  let listener: Promise<MetricsListener | null> = Promise.resolve(null);
  app.decorate('metricsAddress', async () => (await listener)?.address ?? null);
  if (metricsPort === 'off') return;
  app.addHook('onListen', (done) => {
    listener = listenForMetrics(platform.metrics, metricsHost, metricsPort).catch((err: Error) => {
      platform.logger.error({ err }, `metrics listener could not listen on ${metricsHost}:${metricsPort}`);
      return null;
    });
    done();
  });
  app.addHook('onClose', async () => {
    await (await listener)?.close();
  });
}

const YEAR_SECONDS = 365 * 86_400;

/**
 * How long a browser keeps a file of the built app: Vite's `/assets/*-<hash>.*` never change
 * under their name, so for a year without asking again; index.html names the current assets,
 * so always revalidated; icons and the manifest, whose names stay, for an hour.
 */
export function cacheControlOf(webDir: string, filePath: string): string {
  const relative = path.relative(path.resolve(webDir), filePath).split(path.sep).join('/');
  if (relative.startsWith('assets/')) return `public, max-age=${YEAR_SECONDS}, immutable`;
  if (/^index\.html(\.br|\.gz)?$/.test(relative)) return 'no-cache';
  return 'public, max-age=3600';
}

/** Serves the built single-page app's files; index.html itself is the not-found fallback. */
function readWebIndex(webDir: string | undefined): Buffer | undefined {
  if (!webDir) return undefined;
  const index = path.join(webDir, 'index.html');
  return fs.existsSync(index) ? fs.readFileSync(index) : undefined;
}
