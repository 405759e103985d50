import { Body, errorResponses, IdParam, type PlazaApp, requireViewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { CardsService } from './cards/service.ts';
import { CardView, type CardViews } from './cards/view.ts';
import { PlansResponse, plansOnShelf } from './catalog/plans.ts';
import type { ProgramSource } from './contracts.ts';
import type { SelectionsService } from './selections/service.ts';

const CardParams = Type.Object({ cardId: IdParam });
const PlanId = Type.String({ minLength: 1, maxLength: 64 });

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

export interface RewardsRouteDeps {
  programs: ProgramSource;
  cards: CardsService;
  selections: SelectionsService;
  cardViews: CardViews;
  nowMs: () => number;
}

/** The cardholder's API: plans on the shelf, own cards, switching, history. */
export function registerRewardsRoutes(app: PlazaApp, deps: RewardsRouteDeps): void {
  registerReadRoutes(app, deps);
  registerSelectionRoutes(app, deps);
}

function registerReadRoutes(app: PlazaApp, { programs, cards, cardViews, nowMs }: RewardsRouteDeps): void {
  const viewOf = async (card: Parameters<CardViews>[0][number]) => (await cardViews([card]))[0] as CardView;

  app.get(
    '/api/rewards/v1/plans',
    {
      schema: {
        tags: ['rewards'],
        summary: 'Plans on the shelf now, with their channels and rates',
        response: { 200: PlansResponse, ...errorResponses },
      },
    },
    async () => {
      const program = programs.current();
      return {
        programId: program.id,
        generalRateBps: program.settings.generalRateBps,
        items: plansOnShelf(program, nowMs()),
      };
    },
  );

  app.get(
    '/api/rewards/v1/cards',
    {
      schema: {
        tags: ['rewards'],
        summary: 'My cards, with their current plans and which plans each may pick today',
        response: { 200: Type.Object({ items: Type.Array(CardView) }), ...errorResponses },
      },
    },
    async (request) => {
      const held = await cards.heldByAccount(requireViewer(request).accountId);
      return { items: await cardViews(held) };
    },
  );

  app.get(
    '/api/rewards/v1/cards/:cardId',
    {
      schema: {
        tags: ['rewards'],
        summary: 'One of my cards, with its current plan and which plans it may pick today',
        params: CardParams,
        response: { 200: CardView, ...errorResponses },
      },
    },
    async (request) => viewOf(await cards.heldBy(request.params.cardId, requireViewer(request).accountId)),
  );
}

/** Switching and its history. */
function registerSelectionRoutes(app: PlazaApp, { cards, selections, nowMs }: RewardsRouteDeps): void {
  app.put(
    '/api/rewards/v1/cards/:cardId/plan',
    {
      schema: {
        tags: ['rewards'],
        summary:
          "Change my card's plan (once per Asia/Taipei day; applies from 00:00 that day; the plan's eligibility must be met today)",
        params: CardParams,
        body: Body({ planId: PlanId }),
        response: { 200: SwitchResultView, ...errorResponses },
      },
    },
    async (request) =>
      selections.switchPlan(request.params.cardId, request.body.planId, nowMs(), {
        holderAccountId: requireViewer(request).accountId,
      }),
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
}
