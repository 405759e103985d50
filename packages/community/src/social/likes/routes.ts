import { errorResponses, Page, PageQuery, type PlazaApp, requireViewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { IdParams, NoteViewSchema } from '../shared/schemas.ts';
import type { LikesService } from './service.ts';

const LikeState = Type.Object({ liked: Type.Boolean(), likeCount: Type.Integer() });
const LikedNote = Type.Composite([NoteViewSchema, Type.Object({ likedAt: Type.Integer() })]);

export function registerLikesRoutes(app: PlazaApp, likes: LikesService): void {
  const stateRoute = { params: IdParams, response: { 200: LikeState, ...errorResponses } };
  app.post(
    '/api/v1/notes/:id/like',
    { schema: { tags: ['social'], summary: 'Like a note (idempotent)', ...stateRoute } },
    async (request) => likes.like(requireViewer(request).accountId, request.params.id),
  );
  app.delete(
    '/api/v1/notes/:id/like',
    { schema: { tags: ['social'], summary: 'Take back a like (idempotent)', ...stateRoute } },
    async (request) => likes.unlike(requireViewer(request).accountId, request.params.id),
  );
  app.get(
    '/api/v1/me/likes',
    {
      schema: {
        tags: ['social'],
        summary: 'Notes I liked, most recent first',
        querystring: PageQuery,
        response: { 200: Page(LikedNote), ...errorResponses },
      },
    },
    async (request) =>
      likes.mine(requireViewer(request).accountId, {
        cursor: request.query.cursor,
        limit: request.query.limit ?? 20,
      }),
  );
}
