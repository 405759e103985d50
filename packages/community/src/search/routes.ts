import { errorResponses, Page, type PlazaApp } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { NoteViewSchema } from '../notes/schema.ts';
import type { SearchService } from './service.ts';

const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Optional(
      Type.Union([Type.Literal('notes'), Type.Literal('accounts'), Type.Literal('topics')], {
        default: 'notes',
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

const AccountResult = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  displayName: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
});
const TopicResult = Type.Object({ topic: Type.String(), noteCount: Type.Integer() });

export function registerSearchRoutes(app: PlazaApp, search: SearchService): void {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search notes, accounts or topics in Chinese (either script) or English',
        description:
          'Every word must match; the last one may be the start of a word. Notes and accounts come ' +
          'newest first, topics by how many notes carry them.',
        querystring: SearchQuery,
        // A note view first: an account card would also fit a note's shape were it tried first.
        response: { 200: Page(Type.Union([NoteViewSchema, AccountResult, TopicResult])), ...errorResponses },
      },
    },
    async (request) => {
      const { q, type, cursor, limit } = request.query;
      return search.search(type ?? 'notes', q, request.viewer?.accountId ?? null, {
        cursor,
        limit: limit ?? 20,
      });
    },
  );
}
