import { errorResponses, Page, PageQuery, type PlazaApp, requireViewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { AuthorViewSchema, HandleParams } from '../shared/schemas.ts';
import type { FollowsService } from './service.ts';

const FollowState = Type.Object({ following: Type.Boolean(), followerCount: Type.Integer() });
const FollowEntry = Type.Composite([AuthorViewSchema, Type.Object({ followedAt: Type.Integer() })]);

export function registerFollowsRoutes(app: PlazaApp, follows: FollowsService): void {
  const stateRoute = { params: HandleParams, response: { 200: FollowState, ...errorResponses } };
  app.post(
    '/api/v1/accounts/:handle/follow',
    { schema: { tags: ['social'], summary: 'Follow an account (idempotent)', ...stateRoute } },
    async (request) => follows.follow(requireViewer(request).accountId, request.params.handle),
  );
  app.delete(
    '/api/v1/accounts/:handle/follow',
    { schema: { tags: ['social'], summary: 'Unfollow an account (idempotent)', ...stateRoute } },
    async (request) => follows.unfollow(requireViewer(request).accountId, request.params.handle),
  );
  for (const direction of ['followers', 'following'] as const) {
    app.get(
      `/api/v1/accounts/:handle/${direction}`,
      {
        schema: {
          tags: ['social'],
          summary: direction === 'followers' ? 'Who follows an account' : 'Whom an account follows',
          params: HandleParams,
          querystring: PageQuery,
          response: { 200: Page(FollowEntry), ...errorResponses },
        },
      },
      async (request) =>
        follows.list(
          request.params.handle,
          direction,
          { cursor: request.query.cursor, limit: request.query.limit ?? 20 },
          request.viewer?.accountId ?? null,
        ),
    );
  }
}
