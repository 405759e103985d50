import helmet from '@fastify/helmet';
import type { PlazaApp } from './app.ts';

/**
 * The headers every response carries (pages, files, JSON, problems, 404s alike; they cost a few
 * bytes): a Content-Security-Policy that runs only Plaza's own scripts and styles, no framing,
 * `nosniff`, and a referrer that never leaves the origin with a path.
 */

type Directives = Record<string, string[]>;

/** The web app: its bundle from /assets, pictures from /media, previews of picked files as blob:. */
export const APP_POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The API explorer at /api/docs (Swagger UI, from its own files under /api/docs/static). It
 * adds `<style>` elements while it runs (Chromium reports `style-src-elem inline` without
 * this), so only this page allows inline styles; its scripts are still only its own files.
 */
export const DOCS_POLICY: Directives = {
  ...APP_POLICY,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'media-src': ["'none'"],
};

export const DOCS_PREFIX = '/api/docs';

export interface SecurityHeaderOptions {
  /** Served over HTTPS (PLAZA_COOKIE_SECURE): tell browsers to keep to HTTPS. */
  https: boolean;
}

/** Registers the headers; call before any route so every route and the 404 handler get them. */
export async function registerSecurityHeaders(app: PlazaApp, options: SecurityHeaderOptions): Promise<void> {
  // Swagger UI's routes are added by its plugin: give them their own policy as they register.
  app.addHook('onRoute', (route) => {
    if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`)) {
      // Runs before helmet's own onRoute hook, which files this under the route's config.
      route.helmet = { contentSecurityPolicy: { useDefaults: false, directives: DOCS_POLICY } };
    }
  });
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: APP_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Plain HTTP (the embedded default) must not pin browsers to HTTPS.
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}

/**
 * For the few answers Fastify gives before any hook runs (a URL it cannot decode): a problem
 * document needs no resources, so its policy allows none.
 */
export const PRE_ROUTING_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};
