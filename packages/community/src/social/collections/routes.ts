import { Body, errorResponses, IdParam, Page, PageQuery, type PlazaApp, requireViewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { AuthorViewSchema, HandleParams, IdParams, NoteViewSchema } from '../shared/schemas.ts';
import type { CollectService } from './collect-service.ts';
import type { CollectionsService } from './service.ts';

const Name = Type.String({ minLength: 1, maxLength: 30, description: '1–30 characters after trimming' });
const Description = Type.String({ maxLength: 200 });
const CollectionView = Type.Object({
  id: Type.String(),
  owner: AuthorViewSchema,
  name: Type.String(),
  description: Type.String(),
  private: Type.Boolean(),
  isDefault: Type.Boolean(),
  noteCount: Type.Integer(),
  createdAt: Type.Integer(),
  updatedAt: Type.Integer(),
});
const CollectionWithNotes = Type.Composite([CollectionView, Type.Object({ notes: Page(NoteViewSchema) })]);
const CollectionWithCovers = Type.Composite([
  CollectionView,
  Type.Object({
    covers: Type.Array(Type.String(), {
      maxItems: 3,
      description: "Cover images (thumbnail URLs) of the board's latest notes the viewer may see",
    }),
  }),
]);
// The body is optional: a bare POST collects into the default board.
const CollectBody = Type.Union([Body({ collectionId: Type.Optional(IdParam) }), Type.Null()]);
const page = (query: { cursor?: string | undefined; limit?: number | undefined }) => ({
  cursor: query.cursor,
  limit: query.limit ?? 20,
});

export function registerCollectionsRoutes(
  app: PlazaApp,
  boards: CollectionsService,
  collect: CollectService,
) {
  const tags = ['social'];
  app.post(
    '/api/v1/collections',
    {
      schema: {
        tags,
        summary: 'Create a collection (board)',
        body: Body({
          name: Name,
          description: Type.Optional(Description),
          private: Type.Optional(Type.Boolean()),
        }),
        response: { 201: CollectionView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await boards.create(requireViewer(request).accountId, request.body)),
  );
  app.get(
    '/api/v1/collections/:id',
    {
      schema: {
        tags,
        summary: 'A collection with its notes (private ones only for the owner)',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: CollectionWithNotes, ...errorResponses },
      },
    },
    async (request) => boards.get(request.params.id, request.viewer?.accountId ?? null, page(request.query)),
  );
  app.patch(
    '/api/v1/collections/:id',
    {
      schema: {
        tags,
        summary: 'Rename, describe or hide a collection (owner only)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            description: Type.Optional(Description),
            private: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: CollectionView, ...errorResponses },
      },
    },
    async (request) => boards.update(request.params.id, requireViewer(request).accountId, request.body),
  );
  app.delete(
    '/api/v1/collections/:id',
    {
      schema: {
        tags,
        summary: 'Delete a collection (owner only); its notes stay where else they are collected',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await collect.deleteBoard(request.params.id, requireViewer(request).accountId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/accounts/:handle/collections',
    {
      schema: {
        tags,
        summary: "An account's collections, newest first (private ones only for the owner), with covers",
        params: HandleParams,
        querystring: PageQuery,
        response: { 200: Page(CollectionWithCovers), ...errorResponses },
      },
    },
    async (request) =>
      boards.listByHandle(request.params.handle, request.viewer?.accountId ?? null, page(request.query)),
  );
  registerCollectRoutes(app, collect);
}

function registerCollectRoutes(app: PlazaApp, collect: CollectService) {
  app.post(
    '/api/v1/notes/:id/collect',
    {
      schema: {
        tags: ['social'],
        summary: 'Collect a note into a collection, or the default one (idempotent)',
        params: IdParams,
        body: CollectBody,
        response: {
          200: Type.Object({
            collected: Type.Boolean(),
            collectionId: Type.String(),
            collectCount: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return collect.collect(viewer, request.params.id, request.body?.collectionId);
    },
  );
  app.delete(
    '/api/v1/notes/:id/collect',
    {
      schema: {
        tags: ['social'],
        summary: 'Take a note off one collection, or off all when none is named (idempotent)',
        params: IdParams,
        body: CollectBody,
        response: {
          200: Type.Object({ collected: Type.Boolean(), collectCount: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      collect.uncollect(requireViewer(request).accountId, request.params.id, request.body?.collectionId),
  );
}
