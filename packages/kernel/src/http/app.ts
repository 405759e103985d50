import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RawServerDefault,
} from 'fastify';
import { type SessionCookieSettings, sessionCookieName, sessionCookieOf } from '../auth/session-cookie.ts';
import type { Viewer } from '../auth/types.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { closeConnectionsOnShutdown } from './close-connections.ts';
import { createSpaPage, FIRST_SCREEN_BUDGET_MS, type SpaPage } from './first-screen.ts';
import { registerRoleGuards } from './guards.ts';
import { registerStrictJson } from './json-body.ts';
import { registerPublicMetrics } from './metrics-endpoint.ts';
import { registerOriginCheck } from './origin-check.ts';
import { encodePage, type PageEncoding, pageEncodingOf } from './page-encoding.ts';
import { problemOf, sendProblem } from './problem.ts';
import { inlineStyleHashes, PRE_ROUTING_HEADERS, registerSecurityHeaders } from './security-headers.ts';
import { schemaCompiler } from './validators.ts';

export type PlazaApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, or null; set by the auth hook before any handler runs. */
    viewer: Viewer | null;
  }
}

const JSON_BODY_LIMIT_BYTES = 256 * 1024;

export interface HttpAppOptions {
  logger: Logger;
  metrics: Metrics;
  /** Read the client's address and Plaza's own origin from X-Forwarded-* (PLAZA_TRUST_PROXY). */
  trustProxy: boolean;
  /** PLAZA_PUBLIC_ORIGIN: origins besides the request's own whose pages may write with the cookie. */
  publicOrigins: readonly string[];
  sessionCookie: SessionCookieSettings;
  /** PLAZA_METRICS_TOKEN: the bearer token that opens the public `/metrics`. */
  metricsToken?: string | undefined;
  /** Resolves a bearer token or session cookie to its viewer (synchronously when it can). */
  authenticate(token: string): Viewer | null | Promise<Viewer | null>;
  /** Answers /readyz: throws when a dependency is down. */
  checkReady(): Promise<void>;
  maxUploadBytes: number;
  /** The web app's index.html: unknown non-API GETs get it so client-side routes work. */
  spaIndexHtml?: Buffer;
  /** How long a page waits for a product's first screen (`app.firstScreen`) before going out plain. */
  firstScreenBudgetMs?: number;
}

/** Builds the Fastify app every Plaza process serves: errors, parsing, auth, docs, health. */
export async function createHttpApp(options: HttpAppOptions): Promise<PlazaApp> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: options.trustProxy,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // Per-request lines would drown the logs under load; /metrics counts requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
    // Router-level refusals (bad URL encoding, over-long params) get the same problem shape.
    frameworkErrors: (error, request, reply) =>
      sendProblem(reply.headers(PRE_ROUTING_HEADERS), error, request),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(schemaCompiler);
  registerStrictJson(app);
  app.setErrorHandler((error, request, reply) => sendProblem(reply, error, request));
  const spaPage = options.spaIndexHtml
    ? createSpaPage(options.spaIndexHtml, app.log, options.firstScreenBudgetMs ?? FIRST_SCREEN_BUDGET_MS)
    : undefined;
  const sendPage = spaPage && pageSender(spaPage);
  app.decorate('firstScreen', (pathname, renderer) => spaPage?.register(pathname, renderer));
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isPageRequest =
      request.method === 'GET' && !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname);
    if (sendPage && isPageRequest) return sendPage(request, reply, pathname);
    return reply
      .status(404)
      .type('application/problem+json')
      .send(problemOf('route_not_found', 404, `No route ${request.method} ${pathname}`));
  });
  // Before any route, so every route, the 404 handler and every refusal get these hooks.
  registerSecurityHeaders(app, {
    https: options.sessionCookie.secure,
    inlineStyles: options.spaIndexHtml ? inlineStyleHashes(options.spaIndexHtml.toString('utf8')) : [],
  });
  registerOriginCheck(app, options.publicOrigins);
  closeConnectionsOnShutdown(app);
  registerRoleGuards(app);
  app.decorate('sessionCookie', options.sessionCookie);
  await app.register(cookie);
  registerViewerHook(app, options);
  registerMetricsHooks(app, options.metrics);
  await registerDocs(app, sessionCookieName(options.sessionCookie.secure));
  registerHealth(app, options);
  registerPublicMetrics(app, options.metrics, options.metricsToken);
  return app;
}

/**
 * Sends index.html for a client-side route, with the path's first screen when a product renders
 * one, compressed when the browser accepts it: the plain page once per encoding, a rendered one
 * per request.
 */
function pageSender(spaPage: SpaPage) {
  const plainEncoded = new Map<PageEncoding, Promise<Buffer>>();
  const encoded = (page: Buffer, encoding: PageEncoding): Promise<Buffer> => {
    if (page !== spaPage.plain) return encodePage(page, encoding, false);
    const kept = plainEncoded.get(encoding) ?? encodePage(page, encoding, true);
    plainEncoded.set(encoding, kept);
    return kept;
  };
  return async (request: FastifyRequest, reply: FastifyReply, pathname: string) => {
    const page = await spaPage.render(request, pathname);
    const encoding = pageEncodingOf(request.headers['accept-encoding']);
    reply
      .type('text/html; charset=utf-8')
      // Names the current hashed assets: revalidated on every visit (it is small; they are not).
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding');
    if (!encoding) return reply.send(page);
    return reply.header('content-encoding', encoding).send(await encoded(page, encoding));
  };
}

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return sessionCookieOf(request);
}

function registerViewerHook(app: PlazaApp, options: HttpAppOptions): void {
  app.decorateRequest('viewer', null);
  // A callback hook, not an async one: a cached session resolves without a promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = tokenOf(request);
    const found = token && token.length <= 200 ? options.authenticate(token) : null;
    if (!(found instanceof Promise)) {
      request.viewer = found;
      return done();
    }
    found.then(
      (viewer) => {
        request.viewer = viewer;
        done();
      },
      (err: Error) => done(err),
    );
  });
}

function registerMetricsHooks(app: PlazaApp, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}

async function registerDocs(app: PlazaApp, cookieName: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Plaza API', version: '1', description: 'Plaza Community and Plaza Rewards' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: cookieName },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}

function registerHealth(app: PlazaApp, options: HttpAppOptions): void {
  const hidden = { schema: { hide: true } };
  app.get('/healthz', hidden, async () => ({ status: 'ok' }));
  app.get('/readyz', hidden, async (_request, reply) => {
    try {
      await options.checkReady();
      return { status: 'ready' };
    } catch (err) {
      return reply
        .status(503)
        .type('application/problem+json')
        .send(problemOf('not_ready', 503, (err as Error).message));
    }
  });
}
