import { createHash } from 'node:crypto';
import type { PlazaApp } from './app.ts';

/**
 * The headers every response carries (pages, files, JSON, problems, 404s alike; they cost a few
 * bytes): a Content-Security-Policy that runs only Plaza's own scripts and styles, no framing,
 * `nosniff`, and a referrer that never leaves the origin with a path.
 *
 * They are constant, so they are built once at start-up and copied onto each reply.
 * @fastify/helmet, the design's first choice, rebuilds helmet's middleware on every request:
 * measured here it added ~100 µs of CPU to each request (a /healthz inject went from 131 to
 * 229 µs), for the same headers (docs/browser-safety.md).
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

/** A problem document needs no resources, so its policy allows none. */
const NOTHING_POLICY: Directives = { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] };

/** `default-src 'self'; img-src 'self' blob:` from the directives. */
export function policyText(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // For browsers without frame-ancestors; the policy says the same.
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  // No other site's window keeps a handle on a Plaza page, and no other site may embed
  // Plaza's answers (images, JSON) through no-cors requests.
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
};

function headerSet(directives: Directives, https: boolean): Readonly<Record<string, string>> {
  return {
    'content-security-policy': policyText(directives),
    ...COMMON_HEADERS,
    // Plain HTTP (the embedded default) must not pin browsers to HTTPS.
    ...(https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * For the few answers Fastify gives before any hook runs (a URL it cannot decode): a problem
 * document needs no resources, so its policy allows none.
 */
export const PRE_ROUTING_HEADERS = headerSet(NOTHING_POLICY, false);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The security headers of this route's answers, when not the web app's. */
    securityHeaders?: Readonly<Record<string, string>>;
  }
}

export interface SecurityHeaderOptions {
  /** Served over HTTPS (PLAZA_COOKIE_SECURE): tell browsers to keep to HTTPS. */
  https: boolean;
  /** `'sha256-…'` sources of the `<style>` elements index.html carries (`inlineStyleHashes`). */
  inlineStyles?: readonly string[];
}

/**
 * The CSP sources that allow exactly the `<style>` elements of the web app's index.html (its
 * skeleton's critical style) and nothing else: a hash of each element's text, as browsers
 * compute it. Read from the file being served, so a rebuilt page never outruns its policy.
 */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map(
    ([, text]) =>
      `'sha256-${createHash('sha256')
        .update(text ?? '', 'utf8')
        .digest('base64')}'`,
  );
}

/** Registers the headers; call before any route so every route and the 404 handler get them. */
export function registerSecurityHeaders(app: PlazaApp, options: SecurityHeaderOptions): void {
  const appPolicy = {
    ...APP_POLICY,
    'style-src': [...APP_POLICY['style-src']!, ...(options.inlineStyles ?? [])],
  };
  const appHeaders = headerSet(appPolicy, options.https);
  const docsHeaders = headerSet(DOCS_POLICY, options.https);
  // Swagger UI's routes are added by its plugin: give them their own policy as they register.
  app.addHook('onRoute', (route) => {
    if (route.url === DOCS_PREFIX || route.url.startsWith(`${DOCS_PREFIX}/`))
      route.config = { ...route.config, securityHeaders: docsHeaders };
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.routeOptions.config?.securityHeaders ?? appHeaders);
    done();
  });
}
