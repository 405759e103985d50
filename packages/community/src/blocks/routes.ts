import { errorResponses, type PlazaApp, requireViewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { BlocksService } from './service.ts';

const HandleParams = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 30 }) });
const BlockState = Type.Object({ blocked: Type.Boolean(), handle: Type.String() });

export function registerBlocksRoutes(app: PlazaApp, blocks: BlocksService): void {
  app.post(
    '/api/v1/accounts/:handle/block',
    {
      schema: {
        tags: ['social'],
        summary: 'Block an account',
        params: HandleParams,
        response: { 200: BlockState, ...errorResponses },
      },
    },
    async (request) => blocks.block(requireViewer(request).accountId, request.params.handle),
  );
  app.delete(
    '/api/v1/accounts/:handle/block',
    {
      schema: {
        tags: ['social'],
        summary: 'Unblock an account',
        params: HandleParams,
        response: { 200: BlockState, ...errorResponses },
      },
    },
    async (request) => blocks.unblock(requireViewer(request).accountId, request.params.handle),
  );
  app.get(
    '/api/v1/me/blocks',
    {
      schema: {
        tags: ['social'],
        summary: 'Accounts I block',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ accountId: Type.String(), handle: Type.String(), createdAt: Type.Integer() }),
            ),
            nextCursor: Type.Null(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: await blocks.listBlocked(requireViewer(request).accountId),
      nextCursor: null,
    }),
  );
}
