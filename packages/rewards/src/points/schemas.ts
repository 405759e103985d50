import { IdParam, Page, Pattern, ProblemSchema } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import { REFERENCE_MEANING } from '../merchants/schema.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const reference = (description?: string) =>
  Pattern('^[A-Za-z0-9._:-]{1,64}$', REFERENCE_MEANING, description ? { description } : {});
const Reference = reference();
const Instant = Type.String({ description: 'RFC 3339 with an offset, e.g. 2026-03-14T15:30:00+08:00' });

/** The network event as `POST /api/rewards/v1/events` takes it (documentation; the ingestor checks it). */
export const NetworkEventSchema = Type.Object(
  {
    id: reference("The network's id: the idempotency key"),
    type: Type.Union(
      [
        'authorization',
        'incremental_authorization',
        'authorization_reversal',
        'authorization_expiry',
        'settlement',
        'refund',
        'chargeback',
      ].map((t) => Type.Literal(t)),
    ),
    cardId: reference('A Plaza card id or the card network token'),
    amount: Type.Integer({ minimum: 0, description: 'ISO 4217 minor units of currency (NT$250 = 25000)' }),
    currency: Pattern('^[A-Z]{3}$', { code: 'not_currency_code' }),
    billedAmountTwd: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Required on settlements; TWD minor units' }),
    ),
    merchant: Type.Optional(
      Type.Object(
        {
          id: Reference,
          name: Type.String({ minLength: 1, maxLength: 200 }),
          mcc: Pattern('^[0-9]{4}$', { code: 'must_be_digits', params: { length: 4 } }),
          country: Pattern('^[A-Z]{2}$', { code: 'not_country_code' }),
          presence: Type.Optional(Type.Union([Type.Literal('in_person'), Type.Literal('online')])),
        },
        { additionalProperties: false },
      ),
    ),
    transactionAt: Instant,
    settledAt: Type.Optional(Instant),
    installments: Type.Optional(
      Type.Object(
        { count: Type.Integer({ minimum: 1, maximum: 360 }), index: Type.Integer({ minimum: 1 }) },
        { additionalProperties: false },
      ),
    ),
    originalEventId: Type.Optional(Reference),
  },
  { additionalProperties: false },
);

export const EventsBody = Type.Union([
  NetworkEventSchema,
  Type.Object(
    { events: Type.Array(NetworkEventSchema, { minItems: 1, maxItems: 1_000 }) },
    { additionalProperties: false },
  ),
]);

export const OutcomeSchema = Type.Object({
  eventId: Type.String(),
  status: Type.Union([
    Type.Literal('applied'),
    Type.Literal('duplicate'),
    Type.Literal('held'),
    Type.Literal('rejected'),
  ]),
  transactionId: Type.Optional(Type.String()),
  points: Type.Optional(Type.Integer()),
  error: Type.Optional(
    Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
  ),
});

export const BatchOutcomes = Type.Object({ items: Type.Array(OutcomeSchema) });

export const eventResponses = {
  200: Type.Union([OutcomeSchema, BatchOutcomes], {
    description: 'duplicate (one event) or the outcomes (a batch)',
  }),
  201: OutcomeSchema,
  202: OutcomeSchema,
  422: ProblemSchema,
};

const Merchant = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mcc: Type.String(),
  country: Type.String(),
});

const PointsTotals = Type.Object({
  earned: Type.Integer(),
  clawedBack: Type.Integer(),
  net: Type.Integer(),
  pending: Type.Integer(),
  available: Type.Integer(),
});

export const TransactionItem = Type.Object({
  id: Type.String(),
  cardId: Type.String(),
  status: Type.String({
    description: 'authorized, reversed, expired, settled, partially_refunded, refunded, charged_back',
  }),
  merchant: Nullable(Merchant),
  currency: Type.String(),
  authorizedAmount: Type.Integer(),
  settledAmount: Type.Integer(),
  refundedAmount: Type.Integer(),
  chargedBackAmount: Type.Integer(),
  billedAmountTwd: Type.Integer(),
  transactionAt: Type.Integer(),
  settledAt: Nullable(Type.Integer()),
  installments: Nullable(Type.Object({ count: Type.Integer(), billed: Type.Integer() })),
  points: PointsTotals,
  events: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.String(),
      amount: Type.Integer(),
      currency: Type.String(),
      at: Type.Integer(),
      points: Nullable(Type.Integer()),
    }),
  ),
});

export const TransactionsPage = Page(TransactionItem);

const CapStateSchema = Type.Object({
  capId: Type.String(),
  key: Type.String(),
  period: Type.String(),
  scope: Type.String(),
  limitPoints: Type.Integer(),
  usedBefore: Type.Integer(),
  remainingAfter: Type.Integer(),
});

/** Why a line has its points: one shape for every kind; fields that do not apply are null or empty. */
export const LineReason = Type.Object({
  plan: Nullable(Type.Object({ id: Type.String(), versionId: Type.String(), name: Type.String() })),
  channel: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  rateBps: Nullable(Type.Integer()),
  channelRateBps: Nullable(Type.Integer()),
  generalRateBps: Nullable(Type.Integer()),
  level: Nullable(Type.Integer()),
  caps: Type.Array(CapStateSchema),
  cappedPoints: Type.Integer(),
  rounding: Nullable(
    Type.Object({ basisTwdMinor: Type.Integer(), exactPoints: Type.String(), roundedPoints: Type.Integer() }),
  ),
  bonusSkipped: Nullable(Type.String()),
  selectionDate: Nullable(Type.String()),
  foreign: Nullable(
    Type.Object({ currency: Type.String(), amountMinor: Type.Integer(), country: Type.String() }),
  ),
  installment: Nullable(Type.Object({ count: Type.Integer(), index: Type.Integer() })),
  clawback: Nullable(
    Type.Object({
      of: Type.String(),
      originalPoints: Type.Integer(),
      currency: Type.String(),
      originalAmountMinor: Type.Integer(),
      refundMinor: Type.Integer(),
      refundedBeforeMinor: Type.Integer(),
      exactPoints: Type.String(),
    }),
  ),
});

export const TransactionPoints = Type.Object({
  transactionId: Type.String(),
  cardId: Type.String(),
  lang: Type.String(),
  totals: PointsTotals,
  lines: Type.Array(
    Type.Object({
      eventId: Type.String(),
      eventType: Type.String(),
      lineNo: Type.Integer(),
      at: Type.Integer(),
      kind: Type.Union([Type.Literal('general'), Type.Literal('bonus'), Type.Literal('clawback')]),
      points: Type.Integer(),
      explanation: Type.String(),
      reason: LineReason,
    }),
  ),
});

export const PostingItem = Type.Object({
  id: Type.String(),
  kind: Type.String({
    description: 'earn, clawback_pending, clawback_available, clawback_receivable, release, repay, spend',
  }),
  points: Type.Integer(),
  from: Type.String({ description: 'bank, pending, available or receivable' }),
  to: Type.String(),
  transactionId: Nullable(Type.String()),
  eventId: Type.String(),
  effectiveAt: Type.Integer(),
  recordedAt: Type.Integer(),
});

export const PointsView = Type.Object({
  cardId: Type.String(),
  pending: Type.Integer(),
  available: Type.Integer(),
  /** Points clawed back after they were spent, which the card's next released points repay. */
  owed: Type.Integer(),
  items: Type.Array(PostingItem),
  nextCursor: Nullable(Type.String()),
});

export const CardParams = Type.Object({ cardId: IdParam });
export const TransactionParams = Type.Object({ cardId: IdParam, id: IdParam });
export const LangQuery = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('zh-TW'), Type.Literal('en')])) },
  { additionalProperties: false },
);
