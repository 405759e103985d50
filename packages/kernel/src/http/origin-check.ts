import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors.ts';
import type { PlazaApp } from './app.ts';

/**
 * Cross-site request forgery defence: a browser attaches the session cookie to a write that
 * another page sends (a form on another port or subdomain of the same site carries even a
 * SameSite=Lax cookie), so a write that does not prove itself with a bearer token must come
 * from one of Plaza's own pages.
 *
 * Browsers say where a request comes from: `Origin` on every POST/PUT/PATCH/DELETE, same-
 * or cross-origin, and on every WebSocket handshake (Chromium, Firefox and Safari alike;
 * security.browser.test.ts checks Chromium), `Sec-Fetch-Site` on every request to an HTTPS or
 * localhost URL. A write with neither header was not sent by a page in a current browser
 * (curl, a server, a test), so it is let through: refusing it would protect no browser user
 * and break scripted clients. Plaza grants no CORS, so a foreign page cannot add a header of
 * its own (Authorization, X-Forwarded-*) to a request without a preflight that fails.
 */

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// `same-origin` is a page of this origin; `none` is the user's own action (typed URL, bookmark).
const TRUSTED_FETCH_SITES = new Set(['same-origin', 'none']);

export interface WriteRequest {
  method: string;
  /** A WebSocket handshake: a GET, but the socket it opens acts with the cookie's account. */
  websocket?: boolean;
  /** True when the request carries `Authorization: Bearer …`: a browser page cannot add it to a cross-origin request without a CORS preflight, which Plaza never grants. */
  bearer: boolean;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

/**
 * Whether a request may go on, given the origins that count as Plaza's own.
 * @example isWriteAllowed({ method: 'POST', bearer: false, origin: 'http://evil.test', secFetchSite: undefined }, ['http://plaza.test']) === false
 */
export function isWriteAllowed(request: WriteRequest, ownOrigins: readonly string[]): boolean {
  if (!(UNSAFE_METHODS.has(request.method) || request.websocket) || request.bearer) return true;
  // Origin is the stronger signal; `null` (sandboxed frames, privacy redirects) is foreign.
  if (request.origin !== undefined) return ownOrigins.includes(request.origin);
  if (request.secFetchSite !== undefined) return TRUSTED_FETCH_SITES.has(request.secFetchSite);
  return true;
}

/**
 * The origin the client addressed: scheme and Host of the request. With PLAZA_TRUST_PROXY,
 * Fastify reads them from X-Forwarded-Proto and X-Forwarded-Host, so behind a TLS-terminating
 * proxy it is the public origin; a browser page cannot set those headers on a cross-origin
 * request without a preflight.
 */
export function requestOrigin(request: FastifyRequest): string | undefined {
  const host = request.host;
  return host ? `${request.protocol}://${host.toLowerCase()}` : undefined;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

let proxyWarned = false;

/**
 * A page of the same host under another scheme (https://plaza.example writing to a Plaza that
 * sees http://plaza.example) is almost always a TLS proxy Plaza was not told about: every write
 * of the web app is refused. Says how to fix it, once per process.
 */
function warnOfProxyOnce(request: FastifyRequest, origin: string | undefined, own: string | undefined): void {
  // Both come from headers: either may be anything, and a refusal must never become a 500.
  if (proxyWarned || !origin || !own || !URL.canParse(origin) || !URL.canParse(own)) return;
  if (new URL(origin).host !== new URL(own).host) return;
  proxyWarned = true;
  request.log.warn(
    { origin, seenAs: own },
    'refused a write from this host under another scheme: behind a TLS proxy set PLAZA_TRUST_PROXY=true (with X-Forwarded-Proto) or PLAZA_PUBLIC_ORIGIN',
  );
}

/** Refuses (403 `cross_origin_refused`) every unsafe request a foreign page sent with the cookie. */
export function registerOriginCheck(app: PlazaApp, publicOrigins: readonly string[]): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const websocket = header(request, 'upgrade')?.toLowerCase() === 'websocket';
    if (!UNSAFE_METHODS.has(request.method) && !websocket) return done();
    const own = requestOrigin(request);
    const write: WriteRequest = {
      method: request.method,
      websocket,
      // The same test the viewer hook uses to prefer the bearer token over the cookie.
      bearer: header(request, 'authorization')?.startsWith('Bearer ') ?? false,
      origin: header(request, 'origin'),
      secFetchSite: header(request, 'sec-fetch-site'),
    };
    if (isWriteAllowed(write, own ? [own, ...publicOrigins] : publicOrigins)) return done();
    warnOfProxyOnce(request, write.origin, own);
    done(
      new ForbiddenError(
        'This request came from a page outside Plaza, so it was refused. Use Plaza itself, or an API token.',
        'cross_origin_refused',
      ),
    );
  });
}
