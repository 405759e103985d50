import { Body, Pattern } from '@plaza/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { CardState, EarningTransaction } from '../earning/types.ts';
import type { CardLevel } from '../program/types.ts';
import { DateText, FlagName, Instant, instantMs } from './schemas.ts';

const exact = Type.Object;
const strict = { additionalProperties: false } as const;
const Minor = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'ISO 4217 minor units' });

/** A transaction as the network would send it, and the card's state, for `POST …/admin/preview`. */
export const PreviewBody = Body({
  transaction: exact(
    {
      amount: Minor,
      currency: Pattern('^[A-Z]{3}$', { code: 'not_currency_code' }),
      billedAmountTwd: Minor,
      merchant: exact(
        {
          id: Type.String({ minLength: 1, maxLength: 64 }),
          name: Type.String({ maxLength: 200 }),
          mcc: Pattern('^[0-9]{4}$', { code: 'must_be_digits', params: { length: 4 } }),
          country: Pattern('^[A-Z]{2}$', { code: 'not_country_code' }),
          presence: Type.Optional(Type.Union([Type.Literal('in_person'), Type.Literal('online')])),
        },
        strict,
      ),
      transactionAt: Instant,
      installments: Type.Optional(
        exact(
          {
            count: Type.Integer({ minimum: 1, maximum: 120 }),
            index: Type.Integer({ minimum: 1, maximum: 120 }),
          },
          strict,
        ),
      ),
    },
    strict,
  ),
  card: exact(
    {
      level: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
      birthMonth: Type.Union([Type.Integer({ minimum: 1, maximum: 12 }), Type.Null()]),
      /** Flags with the Taipei date each counts from, e.g. `{ "kids": "2025-09-01" }`. */
      flags: Type.Optional(Type.Record(FlagName, DateText, { maxProperties: 20 })),
    },
    strict,
  ),
});
export type PreviewBody = Static<typeof PreviewBody>;

/** The engine's inputs from the body; the preview settles at the purchase instant (no settlement yet). */
export function previewInputs(body: PreviewBody): { transaction: EarningTransaction; card: CardState } {
  const tx = body.transaction;
  const at = instantMs(tx.transactionAt);
  return {
    transaction: {
      id: 'preview',
      amountMinor: tx.amount,
      currency: tx.currency,
      billedAmountTwdMinor: tx.billedAmountTwd,
      merchant: { ...tx.merchant, presence: tx.merchant.presence ?? 'in_person' },
      transactionAt: at,
      settledAt: at,
      ...(tx.installments ? { installments: tx.installments } : {}),
    },
    card: {
      level: body.card.level as CardLevel,
      birthMonth: body.card.birthMonth,
      eligibleFrom: body.card.flags ?? {},
    },
  };
}
