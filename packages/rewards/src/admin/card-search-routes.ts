import { errorResponses, type PlazaApp, requireRole } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { CardSearch } from '../cards/search.ts';
import { CARD_STATUSES } from '../cards/search-store.ts';
import { ProgramId } from './schemas.ts';

const Names = Type.Object({ 'zh-TW': Type.String(), en: Type.String() });
const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const CardListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 64,
        description:
          "Holder's handle (@ optional) or display name, last four digits, card id or network token",
      }),
    ),
    plan: Type.Optional({ ...ProgramId, description: 'Only cards whose plan today is this one' }),
    level: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3, description: 'Only cards at this level today' }),
    ),
    status: Type.Optional(
      Type.Union(
        CARD_STATUSES.map((s) => Type.Literal(s)),
        { description: 'active: a plan is in force today; no_plan: none chosen yet' },
      ),
    ),
    kind: Type.Optional(literals(['primary', 'supplementary'] as const)),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

const CardListItem = Type.Object({
  id: Type.String(),
  last4: Type.String(),
  kind: literals(['primary', 'supplementary'] as const),
  primaryCardId: Type.Union([Type.String(), Type.Null()]),
  holder: Type.Object({
    accountId: Type.String(),
    handle: Type.Union([Type.String(), Type.Null()]),
    displayName: Type.Union([Type.String(), Type.Null()]),
  }),
  plan: Type.Union([
    Type.Object({ planId: Type.String(), names: Type.Union([Names, Type.Null()]) }),
    Type.Null(),
  ]),
  level: Type.Integer(),
  status: literals(CARD_STATUSES),
});

const CardListPage = Type.Object({
  items: Type.Array(CardListItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  holdersTruncated: Type.Boolean({
    description: 'The text named more accounts than one search looks at: a longer name narrows it',
  }),
});

/** `GET /api/rewards/v1/admin/cards`: the console's card search and list (admin role only). */
export function registerCardSearchRoute(app: PlazaApp, search: CardSearch): void {
  app.get(
    '/api/rewards/v1/admin/cards',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: ['rewards-admin'],
        summary:
          'Find cards (admin) by holder handle or name, last four digits, card id or token; newest first, a keyset page, filtered by plan, level, status and kind',
        querystring: CardListQuery,
        response: { 200: CardListPage, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const { q, plan, level, status, kind, cursor, limit } = request.query;
      return search({ q, planId: plan, level, status, kind, cursor, limit: limit ?? 20 });
    },
  );
}
