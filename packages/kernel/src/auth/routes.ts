import { Type } from '@sinclair/typebox';
import type { PlazaApp } from '../http/app.ts';
import { clientAddress, requireViewer } from '../http/guards.ts';
import { Body, errorResponses } from '../http/schemas.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { AuthService } from './service.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { LANGUAGES } from './types.ts';

export interface AuthRouteOptions {
  auth: AuthService;
  rateLimiter: RateLimiter;
  limits: {
    signupPerIpPerHour: number;
    signupGlobalPerSecond: number;
    loginPerIpPerMinute: number;
    loginGlobalPerSecond: number;
  };
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export const AccountSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  email: Type.String(),
  role: Type.String(),
  language: Type.String(),
  createdAt: Type.Integer(),
});

const SessionSchema = Type.Object({ token: Type.String(), account: AccountSchema });
const Language = Type.Union(LANGUAGES.map((l) => Type.Literal(l)));

export function registerAuthRoutes(app: PlazaApp, options: AuthRouteOptions): void {
  const { auth, rateLimiter, limits } = options;

  app.post(
    '/api/v1/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign up (also signs in: the answer carries a token and sets the session cookie)',
        body: Body({
          handle: Type.String({ minLength: 3, maxLength: 30 }),
          email: Type.String({ minLength: 3, maxLength: 254 }),
          password: Type.String({ minLength: 1, maxLength: 1000 }),
          language: Language,
        }),
        response: {
          201: Type.Intersect([AccountSchema, Type.Object({ token: Type.String() })]),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      await rateLimiter.hit(`signup:ip:${clientAddress(request)}`, limits.signupPerIpPerHour, HOUR_MS);
      await rateLimiter.hit('signup:global', limits.signupGlobalPerSecond, 1000);
      const { account, token } = await auth.signUp(request.body);
      setSessionCookie(reply, token);
      return reply.status(201).send({ ...account, token });
    },
  );

  app.post(
    '/api/v1/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Log in with handle or email; answers a bearer token and sets the session cookie',
        body: Body({
          login: Type.String({ minLength: 1, maxLength: 254 }),
          password: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: { 201: SessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await rateLimiter.hit(`login:ip:${clientAddress(request)}`, limits.loginPerIpPerMinute, MINUTE_MS);
      await rateLimiter.hit('login:global', limits.loginGlobalPerSecond, 1000);
      const { account, token } = await auth.logIn(request.body.login, request.body.password);
      setSessionCookie(reply, token);
      return reply.status(201).send({ token, account });
    },
  );

  app.delete(
    '/api/v1/sessions/current',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Log out this session',
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await auth.logOut(viewer.sessionId);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change password; every other session ends',
        body: Body({
          currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
          newPassword: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await rateLimiter.hit(`login:ip:${clientAddress(request)}`, limits.loginPerIpPerMinute, MINUTE_MS);
      await auth.changePassword(viewer, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
}
