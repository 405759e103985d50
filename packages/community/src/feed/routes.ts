import { errorResponses, Page, PageQuery, type PlazaApp, requireViewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { NoteCardSchema, NoteViewSchema } from '../notes/schema.ts';
import type { CardWriter } from './card-json.ts';
import type { FeedService } from './service.ts';

const NotePage = Page(NoteViewSchema);
// Pages of cards are sent as the bytes the card writer made (the schema documents them).
const CardPage = Page(NoteCardSchema);
const JSON_TYPE = 'application/json; charset=utf-8';
const TopicParams = Type.Object({ topic: Type.String({ minLength: 1, maxLength: 64 }) });
const HandleParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 30 }) });
const TopicPage = Type.Object({
  topic: Type.String(),
  noteCount: Type.Optional(Type.Integer()),
  items: Type.Array(NoteViewSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** Sends JSON bytes as they are: Fastify serializes objects only. */
function sendJson(reply: FastifyReply, bytes: Buffer): FastifyReply {
  return reply.type(JSON_TYPE).send(bytes);
}

const pageOf = (query: { cursor?: string | undefined; limit?: number | undefined }) => ({
  cursor: query.cursor,
  limit: query.limit ?? 20,
});

export function registerFeedRoutes(app: PlazaApp, feed: FeedService, cards: CardWriter): void {
  app.get(
    '/api/v1/feed/following',
    {
      schema: {
        tags: ['feed'],
        summary: 'Cards of the notes of the accounts I follow (and mine), newest first',
        querystring: PageQuery,
        response: { 200: CardPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId } = requireViewer(request);
      const page = await feed.following(accountId, pageOf(request.query));
      // Keyed by reader only for first pages, the ones read again and again.
      return sendJson(reply, cards.page(page, request.query.cursor ? undefined : accountId));
    },
  );
  app.get(
    '/api/v1/feed/discover',
    {
      schema: {
        tags: ['feed'],
        summary: 'Cards of recent notes ranked by engagement, no author twice in 20 (signed in or not)',
        querystring: PageQuery,
        response: { 200: CardPage, ...errorResponses },
      },
    },
    async (request, reply) => {
      const page = await feed.discover(request.viewer?.accountId ?? null, pageOf(request.query));
      return sendJson(reply, cards.page(page));
    },
  );
  app.get(
    '/api/v1/topics/:topic',
    {
      schema: {
        tags: ['feed'],
        summary: 'Published notes carrying a topic, newest first',
        params: TopicParams,
        querystring: PageQuery,
        response: { 200: TopicPage, ...errorResponses },
      },
    },
    async (request) =>
      feed.topic(request.params.topic, request.viewer?.accountId ?? null, pageOf(request.query)),
  );
  app.get(
    '/api/v1/accounts/:handle/notes',
    {
      schema: {
        tags: ['feed'],
        summary: "An account's notes, newest first (drafts only for the owner)",
        params: HandleParams,
        querystring: PageQuery,
        response: { 200: NotePage, ...errorResponses },
      },
    },
    async (request) =>
      feed.profileNotes(request.params.handle, request.viewer?.accountId ?? null, pageOf(request.query)),
  );
}
