import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session cookie's name on plain HTTP (the embedded default). */
export const SESSION_COOKIE = 'plaza_session';
/**
 * Its name behind HTTPS. Browsers accept a `__Host-` cookie only with Secure, Path=/ and no
 * Domain, so a sibling subdomain can neither set nor overwrite it (no session fixation by
 * cookie tossing).
 */
export const SECURE_SESSION_COOKIE = '__Host-plaza_session';

export interface SessionCookieSettings {
  /** PLAZA_COOKIE_SECURE: Secure attribute and the `__Host-` name. */
  secure: boolean;
  maxAgeSeconds: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** How this server names and marks the session cookie. */
    sessionCookie: SessionCookieSettings;
  }
}

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token from the cookie; only the configured name counts. */
export function sessionCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(request.server.sessionCookie.secure)];
}

/** Signs the browser in: HttpOnly (no script reads it), SameSite=Lax, Path=/, no Domain. */
export function setSessionCookie(reply: FastifyReply, token: string): FastifyReply {
  const { secure, maxAgeSeconds } = reply.server.sessionCookie;
  return reply.setCookie(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

/** Signs the browser out; a `__Host-` cookie is only replaced when the attributes match. */
export function clearSessionCookie(reply: FastifyReply): FastifyReply {
  const { secure } = reply.server.sessionCookie;
  return reply.clearCookie(sessionCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'lax' });
}
