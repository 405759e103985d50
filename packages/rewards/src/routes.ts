import { Body, errorResponses, IdParam, type PlazaApp, requireRole, requireViewer } from '@plaza/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { addDays, taipeiDate, taipeiStartOfDay } from './calendar/taipei-date.ts';
import type { Card, CardsService } from './cards/service.ts';
import { PlansResponse, plansOnShelf } from './catalog/plans.ts';
import { findPlan, planVersionOn } from './program/lookup.ts';
import type { Program } from './program/types.ts';
import type { SelectionsService } from './selections/service.ts';

const Names = Type.Object({ 'zh-TW': Type.String(), en: Type.String() });
const CardParams = Type.Object({ cardId: IdParam });
const PlanId = Type.String({ minLength: 1, maxLength: 64 });

const CardView = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('primary'), Type.Literal('supplementary')]),
  primaryCardId: Type.Union([Type.String(), Type.Null()]),
  last4: Type.String(),
  level: Type.Integer(),
  birthMonth: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.Integer(),
  /** The plan in force today (Asia/Taipei); a supplementary card shows its primary's. */
  currentPlan: Type.Union([
    Type.Object({
      planId: Type.String(),
      names: Type.Union([Names, Type.Null()]),
      /** null when the selected plan has no version on the shelf today. */
      versionId: Type.Union([Type.String(), Type.Null()]),
      /** The Taipei date it was selected; it applies from 00:00 that day. */
      since: Type.String(),
    }),
    Type.Null(),
  ]),
  /** Whether this card may change its plan now (primary cards, once per Taipei day). */
  canSwitchNow: Type.Boolean(),
  /** When the next change is possible if not now (00:00 Asia/Taipei), else null. */
  nextSwitchAt: Type.Union([Type.Integer(), Type.Null()]),
});
type CardView = Static<typeof CardView>;

const SwitchResultView = Type.Object({
  cardId: Type.String(),
  planId: Type.String(),
  taipeiDate: Type.String(),
  effectiveFrom: Type.Integer(),
  changed: Type.Boolean(),
  nextSwitchAt: Type.Union([Type.Integer(), Type.Null()]),
});

const HistoryView = Type.Object({
  cardId: Type.String(),
  /** The card whose selections these are: the card itself, or a supplementary card's primary. */
  decidedByCardId: Type.String(),
  items: Type.Array(
    Type.Object({
      planId: Type.String(),
      taipeiDate: Type.String(),
      effectiveFrom: Type.Integer(),
      selectedAt: Type.Integer(),
    }),
  ),
});

const IssueCardBody = Body({
  holderHandle: Type.String({ minLength: 1, maxLength: 30 }),
  last4: Type.String({ pattern: '^[0-9]{4}$' }),
  level: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
  birthMonth: Type.Union([Type.Integer({ minimum: 1, maximum: 12 }), Type.Null()]),
  primaryCardId: Type.Optional(IdParam),
});

export interface RewardsRouteDeps {
  program: Program;
  cards: CardsService;
  selections: SelectionsService;
  nowMs: () => number;
}

export function registerRewardsRoutes(
  app: PlazaApp,
  { program, cards, selections, nowMs }: RewardsRouteDeps,
): void {
  async function cardView(card: Card): Promise<CardView> {
    const now = nowMs();
    const today = taipeiDate(now);
    const selection = await selections.selectionOn(card.id, today);
    const plan = selection ? findPlan(program, selection.planId) : undefined;
    const version = plan && planVersionOn(plan, today);
    const primary = card.primaryCardId === null;
    const switchedToday = selection?.taipeiDate === today;
    return {
      id: card.id,
      kind: primary ? 'primary' : 'supplementary',
      primaryCardId: card.primaryCardId,
      last4: card.last4,
      level: card.level,
      birthMonth: card.birthMonth,
      createdAt: card.createdAt,
      currentPlan: selection
        ? {
            planId: selection.planId,
            names: version?.names ?? plan?.names ?? null,
            versionId: version?.id ?? null,
            since: selection.taipeiDate,
          }
        : null,
      canSwitchNow: primary && !switchedToday,
      nextSwitchAt: primary && switchedToday ? taipeiStartOfDay(addDays(today, 1)) : null,
    };
  }

  app.get(
    '/api/rewards/v1/plans',
    {
      schema: {
        tags: ['rewards'],
        summary: 'Plans on the shelf now, with their channels and rates',
        response: { 200: PlansResponse, ...errorResponses },
      },
    },
    async () => ({
      programId: program.id,
      generalRateBps: program.settings.generalRateBps,
      items: plansOnShelf(program, nowMs()),
    }),
  );

  app.get(
    '/api/rewards/v1/cards',
    {
      schema: {
        tags: ['rewards'],
        summary: 'My cards, with their current plans',
        response: { 200: Type.Object({ items: Type.Array(CardView) }), ...errorResponses },
      },
    },
    async (request) => {
      const held = await cards.heldByAccount(requireViewer(request).accountId);
      return { items: await Promise.all(held.map(cardView)) };
    },
  );

  app.get(
    '/api/rewards/v1/cards/:cardId',
    {
      schema: {
        tags: ['rewards'],
        summary: 'One of my cards, with its current plan',
        params: CardParams,
        response: { 200: CardView, ...errorResponses },
      },
    },
    async (request) => cardView(await cards.heldBy(request.params.cardId, requireViewer(request).accountId)),
  );

  app.put(
    '/api/rewards/v1/cards/:cardId/plan',
    {
      schema: {
        tags: ['rewards'],
        summary: "Change my card's plan (once per Asia/Taipei day; applies from 00:00 that day)",
        params: CardParams,
        body: Body({ planId: PlanId }),
        response: { 200: SwitchResultView, ...errorResponses },
      },
    },
    async (request) => {
      const card = await cards.heldBy(request.params.cardId, requireViewer(request).accountId);
      return selections.switchPlan(card.id, request.body.planId, nowMs());
    },
  );

  app.get(
    '/api/rewards/v1/cards/:cardId/plan-history',
    {
      schema: {
        tags: ['rewards'],
        summary: "My card's plan selections, oldest first",
        params: CardParams,
        response: { 200: HistoryView, ...errorResponses },
      },
    },
    async (request) => {
      const card = await cards.heldBy(request.params.cardId, requireViewer(request).accountId);
      return {
        cardId: card.id,
        decidedByCardId: card.primaryCardId ?? card.id,
        items: await selections.history(card.id),
      };
    },
  );

  app.post(
    '/api/rewards/v1/admin/cards',
    {
      schema: {
        tags: ['rewards-admin'],
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
      const view = await cardView(issued);
      return reply
        .status(201)
        .send({ ...view, token: issued.token, holderHandle: request.body.holderHandle });
    },
  );
}
