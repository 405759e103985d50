import { errorResponses, NotFoundError, PageQuery, type PlazaApp, requireViewer } from '@plaza/kernel';
import type { EventIngestor, EventOutcome, NetworkEvent } from '../contracts.ts';
import type { Locale } from '../earning/messages.ts';
import type { LedgerService } from '../ledger/service.ts';
import type { TransactionsReader } from '../lifecycle/reader.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { EventRejectedError, notAnEventBody } from './errors.ts';
import { presentLine, presentPosting } from './present.ts';
import {
  CardParams,
  EventsBody,
  eventResponses,
  LangQuery,
  PointsView,
  TransactionParams,
  TransactionPoints,
  TransactionsPage,
} from './schemas.ts';

export const EVENTS_PER_REQUEST_MAX = 1_000;
// An event with every field at its longest is under 1 KB; a full batch must fit.
const EVENTS_BODY_BYTES_MAX = 1_048_576;

type Request = Parameters<typeof requireViewer>[0];

export interface PointsRouteDeps {
  ingestor: EventIngestor;
  ledger: LedgerService;
  transactions: TransactionsReader;
  /** The card if the account holds it; the same 404 for someone else's card as for none. */
  cards: { heldBy(cardId: string, accountId: string): Promise<{ id: string }> };
}

const STATUS_CODES: Record<EventOutcome['status'], number> = {
  applied: 201,
  duplicate: 200,
  held: 202,
  rejected: 422,
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ "events": [...] }` or one event; the events themselves are the ingestor's to check. */
function eventsOf(body: Record<string, unknown>): { events: unknown[]; batch: boolean } {
  if (!('events' in body)) return { events: [body], batch: false };
  const extra = Object.keys(body).find((key) => key !== 'events');
  if (extra !== undefined) throw notAnEventBody(`/${extra}`, 'is not a known field');
  const { events } = body;
  if (!Array.isArray(events) || events.length === 0 || events.length > EVENTS_PER_REQUEST_MAX)
    throw notAnEventBody('/events', `must be an array of 1 to ${EVENTS_PER_REQUEST_MAX} events`);
  return { events, batch: true };
}

function localeOf(request: Request, asked: Locale | undefined): Locale {
  if (asked) return asked;
  return request.viewer?.language === 'en' ? 'en' : 'zh-TW';
}

type OwnCard = (request: Request, cardId: string) => Promise<{ id: string }>;

/** The points API: events in (bank systems), and the holder's transactions, explanations and points. */
export function registerPointsRoutes(app: PlazaApp, deps: PointsRouteDeps): void {
  const { ledger, cards } = deps;
  const ownCard: OwnCard = async (request, cardId) => {
    const card = await cards.heldBy(cardId, requireViewer(request).accountId);
    // Reads are always right: points whose business day has come are released first.
    await ledger.releaseDueFor(card.id);
    return card;
  };
  registerEventsRoute(app, deps.ingestor);
  registerTransactionsRoute(app, deps.transactions, ownCard);
  registerExplanationRoute(app, deps.transactions, ownCard);
  registerBalanceRoute(app, ledger, ownCard);
}

function registerEventsRoute(app: PlazaApp, ingestor: EventIngestor): void {
  app.post(
    '/api/rewards/v1/events',
    {
      // The role is checked before the body, so only the bank learns how a body is judged.
      config: { requiredRole: 'admin' },
      schema: {
        tags: ['rewards-admin'],
        summary:
          'Card network events, one or a batch of up to 1,000 (admin role: the bank systems and the network integration sign in as admins)',
        body: EventsBody,
        response: { ...errorResponses, ...eventResponses },
      },
      bodyLimit: EVENTS_BODY_BYTES_MAX,
      // EventsBody documents the API; the events are checked by the ingestor (the file import
      // gets the same checks), so a bad event is answered per event with the ingestor's codes.
      validatorCompiler: () => (data: unknown) =>
        isObject(data) ? { value: data } : { error: notAnEventBody('/', 'must be a JSON object') },
    },
    async (request, reply) => {
      const { events, batch } = eventsOf(request.body as Record<string, unknown>);
      const outcomes = await ingestor.ingest(events as NetworkEvent[]);
      if (batch) return reply.status(200).send({ items: outcomes });
      const [outcome] = outcomes as [EventOutcome];
      if (outcome.status === 'rejected') throw new EventRejectedError(outcome.error!);
      return reply.status(STATUS_CODES[outcome.status]).send(outcome);
    },
  );
}

function registerTransactionsRoute(app: PlazaApp, transactions: TransactionsReader, ownCard: OwnCard): void {
  app.get(
    '/api/rewards/v1/cards/:cardId/transactions',
    {
      schema: {
        tags: ['rewards'],
        summary: "My card's transactions, newest first, with their status, amounts and points",
        params: CardParams,
        querystring: PageQuery,
        response: { 200: TransactionsPage, ...errorResponses },
      },
    },
    async (request) => {
      const card = await ownCard(request, request.params.cardId);
      const after = decodeCursor(request.query.cursor);
      const page = await transactions.page(
        card.id,
        request.query.limit ?? 20,
        after && { transactionAt: after.at, id: after.id },
      );
      return {
        items: page.items,
        nextCursor: page.next && encodeCursor({ at: page.next.transactionAt, id: page.next.id }),
      };
    },
  );
}

function registerExplanationRoute(app: PlazaApp, transactions: TransactionsReader, ownCard: OwnCard): void {
  app.get(
    '/api/rewards/v1/cards/:cardId/transactions/:id/points',
    {
      schema: {
        tags: ['rewards'],
        summary:
          'How one of my transactions earned its points, line by line (zh-TW or en), clawbacks included',
        params: TransactionParams,
        querystring: LangQuery,
        response: { 200: TransactionPoints, ...errorResponses },
      },
    },
    async (request) => {
      const card = await ownCard(request, request.params.cardId);
      const found = await transactions.points(card.id, request.params.id);
      if (!found) throw new NotFoundError('That transaction');
      const lang = localeOf(request, request.query.lang);
      return {
        transactionId: found.transaction.id,
        cardId: card.id,
        lang,
        totals: found.totals,
        lines: found.lines.map((line) => presentLine(line, lang)),
      };
    },
  );
}

function registerBalanceRoute(app: PlazaApp, ledger: LedgerService, ownCard: OwnCard): void {
  app.get(
    '/api/rewards/v1/cards/:cardId/points',
    {
      schema: {
        tags: ['rewards'],
        summary: "My card's points: pending, available, owed, and the history of postings (newest first)",
        params: CardParams,
        querystring: PageQuery,
        response: { 200: PointsView, ...errorResponses },
      },
    },
    async (request) => {
      const card = await ownCard(request, request.params.cardId);
      const after = decodeCursor(request.query.cursor);
      const limit = request.query.limit ?? 20;
      const balances = await ledger.balances(card.id);
      const rows = await ledger.history(card.id, limit + 1, after && { effectiveAt: after.at, id: after.id });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        cardId: card.id,
        ...balances,
        items: page.map(presentPosting),
        nextCursor:
          rows.length > limit && last ? encodeCursor({ at: Number(last.effective_at), id: last.id }) : null,
      };
    },
  );
}
