import { Body, type IssueMeaning, Pattern } from '@plaza/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { REFERENCE_PATTERN } from '../lifecycle/validate.ts';

/**
 * A merchant id as a network event carries it (`merchant.id`, see `lifecycle/validate.ts`):
 * only such ids can ever match a channel rule, so only they may be named.
 */
export const MERCHANT_ID_PATTERN = REFERENCE_PATTERN;
/** What a refused reference or merchant id is told: the characters it may hold, and how many. */
export const REFERENCE_MEANING: IssueMeaning = { code: 'not_reference', params: { max: 64 } };
export const MERCHANT_NAME_LENGTH_MAX = 100;
/** How many ids one `?ids=` may ask for: a channel list's merchants fit in a few requests. */
export const MERCHANT_IDS_MAX = 100;
export const MERCHANT_PAGE_MAX = 100;
export const MERCHANT_PAGE_DEFAULT = 50;

export const MerchantId = Pattern(MERCHANT_ID_PATTERN, REFERENCE_MEANING, {
  description: '1–64 letters, digits or . _ : - (as network events name merchants)',
});

const Name = Type.String({ maxLength: MERCHANT_NAME_LENGTH_MAX });
const Mcc = Type.Integer({ minimum: 0, maximum: 9999, description: 'ISO 18245 merchant category code' });

export const MerchantNames = Type.Object(
  { 'zh-TW': Name, en: Name },
  { additionalProperties: false, description: 'Display names; both are required and not blank' },
);

export const MerchantBody = Body({
  names: MerchantNames,
  mcc: Type.Optional(
    Type.Union([Mcc, Type.Null()], { description: 'absent keeps the stored code; null clears it' }),
  ),
});
export type MerchantBody = Static<typeof MerchantBody>;

export const MerchantParams = Type.Object({ merchantId: MerchantId }, { additionalProperties: false });

export const MerchantsQuery = Type.Object(
  {
    ids: Type.Optional(
      Type.String({
        maxLength: MERCHANT_IDS_MAX * 65,
        description: `Comma-separated merchant ids (at most ${MERCHANT_IDS_MAX}); unknown ids are left out`,
      }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MERCHANT_PAGE_MAX, default: MERCHANT_PAGE_DEFAULT }),
    ),
  },
  { additionalProperties: false },
);
export type MerchantsQuery = Static<typeof MerchantsQuery>;

export const MerchantView = Type.Object({
  id: Type.String(),
  names: Type.Object({ 'zh-TW': Type.String(), en: Type.String() }),
  mcc: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.Integer(),
});
export type MerchantView = Static<typeof MerchantView>;

export const MerchantPage = Type.Object({
  items: Type.Array(MerchantView),
  /** Null when `ids` was given or this was the last page. */
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
