import { errorResponses, type PlazaApp, requireRole, ValidationError } from '@plaza/kernel';
import {
  MERCHANT_PAGE_DEFAULT,
  MerchantBody,
  MerchantPage,
  MerchantParams,
  MerchantsQuery,
  MerchantView,
} from './schema.ts';
import { type MerchantDirectory, parseMerchantIds } from './service.ts';

/** The directory's routes: the public lookup and the bank's create-or-rename. */
export function registerMerchantRoutes(app: PlazaApp, directory: MerchantDirectory): void {
  app.get(
    '/api/rewards/v1/merchants',
    {
      schema: {
        tags: ['rewards'],
        summary:
          'Merchant names (zh-TW, en) for the merchant ids channels name: the ids asked for, or the directory page by page',
        querystring: MerchantsQuery,
        response: { 200: MerchantPage, ...errorResponses },
      },
    },
    async (request) => {
      const { ids, cursor, limit } = request.query;
      if (ids === undefined) return directory.page(cursor, limit ?? MERCHANT_PAGE_DEFAULT);
      if (cursor !== undefined)
        throw new ValidationError('Ask for ids or for a page, not both.', [
          { field: 'cursor', code: 'not_with_ids', message: 'cannot be combined with ids' },
        ]);
      return { items: await directory.byIds(parseMerchantIds(ids)), nextCursor: null };
    },
  );

  app.put(
    '/api/rewards/v1/admin/merchants/:merchantId',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: ['rewards-admin'],
        summary:
          'Name a merchant or rename it (admin): both names required; 201 when it was new. Channels may name ids before they have a name',
        params: MerchantParams,
        body: MerchantBody,
        response: { 200: MerchantView, 201: MerchantView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId } = requireRole(request, 'admin');
      const { merchant, created } = await directory.put(request.params.merchantId, request.body, accountId);
      return reply.status(created ? 201 : 200).send(merchant);
    },
  );
}
