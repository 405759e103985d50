import { errorResponses, type PlazaApp, requireViewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { IdParams } from '../shared/schemas.ts';
import type { CommentLikesService } from './likes-service.ts';

const CommentLikeState = Type.Object({ liked: Type.Boolean(), likeCount: Type.Integer() });

export function registerCommentLikesRoutes(app: PlazaApp, likes: CommentLikesService): void {
  const schema = {
    tags: ['social'],
    params: IdParams,
    response: { 200: CommentLikeState, ...errorResponses },
  };
  app.post(
    '/api/v1/comments/:id/like',
    { schema: { ...schema, summary: 'Like a comment (idempotent)' } },
    async (request) => likes.like(requireViewer(request).accountId, request.params.id),
  );
  app.delete(
    '/api/v1/comments/:id/like',
    { schema: { ...schema, summary: 'Take back a comment like (idempotent)' } },
    async (request) => likes.unlike(requireViewer(request).accountId, request.params.id),
  );
}
