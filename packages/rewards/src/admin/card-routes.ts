import { Body, errorResponses, IdParam, Pattern, type PlazaApp, requireRole } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { CardsService } from '../cards/service.ts';
import type { CardStatusService } from '../cards/status.ts';
import { CardView, type CardViews } from '../cards/view.ts';
import type { createCardLookup } from './card-lookup.ts';
import { AdminCardView } from './card-lookup.ts';
import { DATE_TEXT_PATTERN, FlagName } from './schemas.ts';

const TAGS = ['rewards-admin'];
const CardParams = Type.Object({ cardId: IdParam });
const CardRefParams = Type.Object({ cardRef: Type.String({ minLength: 1, maxLength: 64 }) });
const FlagParams = Type.Object({ cardId: IdParam, flag: FlagName });
const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);

const IssueCardBody = Body({
  holderHandle: Type.String({ minLength: 1, maxLength: 30 }),
  last4: Pattern('^[0-9]{4}$', { code: 'must_be_digits', params: { length: 4 } }),
  level: Level,
  birthMonth: Type.Union([Type.Integer({ minimum: 1, maximum: 12 }), Type.Null()]),
  primaryCardId: Type.Optional(IdParam),
});

const LevelChangeView = Type.Object({
  cardId: Type.String(),
  level: Type.Integer(),
  /** The 1st of the next Taipei month: the level counts from 00:00 that day. */
  effectiveFrom: Type.String(),
  /** false when the card already stood at that level from that date: nothing was written. */
  changed: Type.Boolean(),
});

const FlagChangeView = Type.Object({
  cardId: Type.String(),
  flag: Type.String(),
  /** The grant (or revocation) counts from 00:00 Taipei that day: the 1st of the next month unless given. */
  effectiveFrom: Type.String(),
  /** A grant's end: the first Taipei date it no longer counts; null without an end (and for a revocation). */
  until: Type.Union([Type.String(), Type.Null()]),
  changed: Type.Boolean(),
});

/** A Taipei date in a flag decision; whether it is a real date and not past is the service's rule. */
const dateText = (description: string) => Pattern(DATE_TEXT_PATTERN, { code: 'not_date' }, { description });

const FlagGrantBody = Body({
  flag: FlagName,
  from: Type.Optional(dateText('When it starts to count; the 1st of the next month if absent.')),
  until: Type.Optional(dateText('The first Taipei date it no longer counts; no end if absent.')),
});
const FlagRevokeQuery = Type.Object({
  from: Type.Optional(dateText('When it stops counting; the 1st of the next month if absent.')),
});

export interface CardAdminRouteDeps {
  cards: CardsService;
  status: CardStatusService;
  cardViews: CardViews;
  lookup: ReturnType<typeof createCardLookup>;
}

/** The bank's card administration: issue, look up, level, eligibility flags. Admin role only. */
export function registerCardAdminRoutes(app: PlazaApp, deps: CardAdminRouteDeps): void {
  registerIssueAndLookup(app, deps);
  registerStatusRoutes(app, deps);
}

function registerIssueAndLookup(app: PlazaApp, { cards, cardViews, lookup }: CardAdminRouteDeps): void {
  app.post(
    '/api/rewards/v1/admin/cards',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary: 'Issue a card to a cardholder (admin); the card number is never stored',
        body: IssueCardBody,
        response: {
          201: Type.Intersect([CardView, Type.Object({ token: Type.String(), holderHandle: Type.String() })]),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      requireRole(request, 'admin');
      const { primaryCardId, ...rest } = request.body;
      const issued = await cards.issue({ ...rest, ...(primaryCardId ? { primaryCardId } : {}) });
      const [view] = await cardViews([issued]);
      return reply
        .status(201)
        .send({ ...view, token: issued.token, holderHandle: request.body.holderHandle });
    },
  );

  app.get(
    '/api/rewards/v1/admin/cards/:cardRef',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary: 'Look up a card by id or network token (admin): level, flags and plan history',
        params: CardRefParams,
        response: { 200: AdminCardView, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return lookup(request.params.cardRef);
    },
  );
}

function registerStatusRoutes(app: PlazaApp, { status }: CardAdminRouteDeps): void {
  app.post(
    '/api/rewards/v1/admin/cards/:cardId/level',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary: "Change a card's level (admin); it takes effect on the 1st of the next Taipei month",
        params: CardParams,
        body: Body({ level: Level, reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        response: { 200: LevelChangeView, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireRole(request, 'admin');
      const { level, reason } = request.body;
      return status.changeLevel(request.params.cardId, level, reason ?? null, admin.accountId);
    },
  );

  app.post(
    '/api/rewards/v1/admin/cards/:cardId/flags',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'Grant an eligibility flag (admin), e.g. kids for 童樂匯; it counts from the 1st of the next month (or `from`) until `until` if given',
        params: CardParams,
        body: FlagGrantBody,
        response: { 200: FlagChangeView, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireRole(request, 'admin');
      const { flag, from, until } = request.body;
      return status.grantFlag(request.params.cardId, flag, admin.accountId, { from, until });
    },
  );

  app.delete(
    '/api/rewards/v1/admin/cards/:cardId/flags/:flag',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'Revoke an eligibility flag (admin); it stops counting from the 1st of the next month (or `from`)',
        params: FlagParams,
        querystring: FlagRevokeQuery,
        response: { 200: FlagChangeView, ...errorResponses },
      },
    },
    async (request) => {
      const admin = requireRole(request, 'admin');
      const { from } = request.query;
      return status.revokeFlag(request.params.cardId, request.params.flag, admin.accountId, { from });
    },
  );
}
