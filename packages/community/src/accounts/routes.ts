import {
  clearSessionCookie,
  clientAddress,
  errorResponses,
  type PlazaApp,
  type RateLimiter,
  requireViewer,
} from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { AccountExporter } from './export.ts';
import { DeleteMeBody, HandleParams, MeSchema, PublicProfileSchema, UpdateMeBody } from './schema.ts';
import type { AccountsService } from './service.ts';

export interface AccountsRouteOptions {
  accounts: AccountsService;
  exporter: AccountExporter;
  rateLimiter: RateLimiter;
  /** Deletion re-checks the password, so it shares log-in's per-address guess limit. */
  loginPerIpPerMinute: number;
}

const MINUTE_MS = 60_000;

export function registerAccountsRoutes(app: PlazaApp, options: AccountsRouteOptions): void {
  const { accounts } = options;
  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'My account and profile',
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (request) => accounts.me(requireViewer(request).accountId),
  );
  app.patch(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Edit my profile (display name, bio, avatar, language)',
        body: UpdateMeBody,
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (request) => accounts.updateMe(requireViewer(request).accountId, request.body),
  );
  app.delete(
    '/api/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Delete my account and everything it owns, for good (needs the password)',
        body: DeleteMeBody,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await options.rateLimiter.hit(
        `login:ip:${clientAddress(request)}`,
        options.loginPerIpPerMinute,
        MINUTE_MS,
      );
      await accounts.deleteAccount(viewer.accountId, request.body.password);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/me/export',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Download everything my accounts owns as a zip: JSON Lines per module and the original image files; one download at a time (409 export_in_progress)',
        response: {
          // Documentation only: a stream is sent as it is, never serialized.
          200: {
            description: 'The zip archive, written as it is downloaded',
            content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { handle, stream } = await options.exporter.start(requireViewer(request).accountId);
      reply.header('content-type', 'application/zip');
      reply.header('content-disposition', `attachment; filename="plaza-export-${handle}.zip"`);
      reply.header('cache-control', 'no-store');
      return reply.send(stream);
    },
  );
  app.get(
    '/api/v1/accounts/:handle',
    {
      schema: {
        tags: ['accounts'],
        summary: 'A public profile',
        params: HandleParams,
        response: { 200: PublicProfileSchema, ...errorResponses },
      },
    },
    async (request) => accounts.publicProfile(request.params.handle, request.viewer?.accountId ?? null),
  );
}
