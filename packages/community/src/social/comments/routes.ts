import {
  Body,
  errorResponses,
  IdParam,
  idempotentId,
  Page,
  PageQuery,
  type PlazaApp,
  requireViewer,
} from '@plaza/kernel';
import { type TSchema, Type } from '@sinclair/typebox';
import { AuthorViewSchema, IdParams, TextLanguageSchema } from '../shared/schemas.ts';
import { COMMENT_ORDERS } from './order.ts';
import type { CommentsService } from './service.ts';

const commentFields = {
  id: Type.String(),
  noteId: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  author: AuthorViewSchema,
  body: Type.String(),
  language: TextLanguageSchema,
  createdAt: Type.Integer(),
  replyCount: Type.Integer(),
  replyTo: Type.Union([AuthorViewSchema, Type.Null()]),
  likeCount: Type.Integer(),
  liked: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'Whether I like it; null when signed out',
  }),
};
const withReplies = (replies: TSchema) => Type.Object({ ...commentFields, replies: Type.Array(replies) });
const ReplyView = withReplies(Type.Object({}, { maxProperties: 0 }));
const CommentView = withReplies(ReplyView);
const page = (query: { cursor?: string | undefined; limit?: number | undefined }) => ({
  cursor: query.cursor,
  limit: query.limit ?? 20,
});

export function registerCommentsRoutes(app: PlazaApp, comments: CommentsService): void {
  const tags = ['social'];
  app.post(
    '/api/v1/notes/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a note, or reply to a comment (replies to replies join the top-level thread)',
        params: IdParams,
        body: Body({
          body: Type.String({ minLength: 1, maxLength: 500, description: '1–500 characters after trimming' }),
          parentId: Type.Optional(IdParam),
        }),
        response: { 201: CommentView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await comments.create(
            requireViewer(request),
            request.params.id,
            request.body,
            idempotentId(request, 'comment'),
          ),
        ),
  );
  app.get(
    '/api/v1/notes/:id/comments',
    {
      schema: {
        tags,
        summary:
          "A note's top-level comments (oldest first, newest first or most liked), each with its first 3 replies",
        params: IdParams,
        querystring: Type.Composite([
          PageQuery,
          Type.Object({
            order: Type.Optional(
              Type.Union(
                COMMENT_ORDERS.map((o) => Type.Literal(o)),
                { description: 'oldest (default), newest, or liked: most liked first' },
              ),
            ),
          }),
        ]),
        response: { 200: Page(CommentView), ...errorResponses },
      },
    },
    async (request) =>
      comments.list(
        request.params.id,
        request.viewer?.accountId ?? null,
        page(request.query),
        request.query.order ?? 'oldest',
      ),
  );
  app.get(
    '/api/v1/comments/:id/replies',
    {
      schema: {
        tags,
        summary: 'Replies under a top-level comment, oldest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(ReplyView), ...errorResponses },
      },
    },
    async (request) =>
      comments.replies(request.params.id, request.viewer?.accountId ?? null, page(request.query)),
  );
  app.delete(
    '/api/v1/comments/:id',
    {
      schema: {
        tags,
        summary: "Delete a comment (its author or the note's author); a top-level comment takes its replies",
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await comments.remove(requireViewer(request).accountId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
