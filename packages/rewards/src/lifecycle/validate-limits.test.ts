import { describe, expect, it } from 'vitest';
import { effectiveAt, purchaseRootId } from './event.ts';
import { applied, problem, rejected } from './outcomes.ts';
import { ev, MERCHANTS } from './test-events.ts';
import { checkEvent, rfc3339 } from './validate.ts';

/**
 * The edges of each rule in `checkEvent`: the last value accepted and the first refused, and the
 * sentence the network's operator reads (`<field> <what is wrong>`, with the limit in it).
 */
const good = ev.settlement('evt-1', {
  card: 'tok_abc',
  on: '2026-03-14',
  at: '15:30',
  ntd: 30,
  merchant: MERCHANTS.skm,
});
const purchase = ev.authorization('auth-1', { card: 't', on: '2026-03-14', ntd: 1 });
const refund = ev.refund('ref-1', { card: 't', of: 'evt-1', ntd: 1, on: '2026-03-14' });

function problemOf(event: unknown) {
  const checked = checkEvent(JSON.parse(JSON.stringify(event)));
  return 'problem' in checked ? checked.problem : null;
}
const withMerchant = (merchant: Record<string, unknown>) => ({
  ...good,
  merchant: { ...MERCHANTS.skm, ...merchant },
});
const at = (time: string) => ({ ...good, transactionAt: time, settledAt: '2026-03-20T10:00:00+08:00' });

describe('event validation at its limits', () => {
  it.each([
    ['a 64-character id', { ...good, id: 'x'.repeat(64) }],
    ['an id of letters, digits and . _ : -', { ...good, id: 'aZ0._:-' }],
    ['a 200-character merchant name', withMerchant({ name: '名'.repeat(200) })],
    ['an online merchant', withMerchant({ presence: 'online' })],
    ['a settlement of zero', { ...good, amount: 0, billedAmountTwd: 0 }],
    ['a settlement at the instant of its purchase', { ...good, settledAt: good.transactionAt }],
    ['360 installments, the last one', { ...good, installments: { count: 360, index: 360 } }],
    ['one installment', { ...good, installments: { count: 1, index: 1 } }],
    ['23:59:59 with a +23:59 offset', at('2026-03-14T23:59:59+23:59')],
    ['the first instant of 1970', at('1970-01-01T00:00:00Z')],
    ['a refund with its clearing time', refund],
  ])('accepts %s', (_what, event) => {
    expect(problemOf(event)).toBeNull();
  });

  it.each([
    ['a 201-character merchant name', withMerchant({ name: '名'.repeat(201) }), '/merchant/name'],
    ['a blank merchant name', withMerchant({ name: '  ' }), '/merchant/name'],
    ['a merchant name that is not text', withMerchant({ name: 7 }), '/merchant/name'],
    ['a DEL in a merchant name', withMerchant({ name: 'a\u007fb' }), '/merchant/name'],
    ['a C1 control in a merchant name', withMerchant({ name: 'a\u009fb' }), '/merchant/name'],
    ['a five-digit MCC', withMerchant({ mcc: '53111' }), '/merchant/mcc'],
    ['an MCC that is a number', withMerchant({ mcc: 5311 }), '/merchant/mcc'],
    ['a three-letter country', withMerchant({ country: 'TWN' }), '/merchant/country'],
    ['a country that is not text', withMerchant({ country: 886 }), '/merchant/country'],
    ['an unknown presence', withMerchant({ presence: 'mail' }), '/merchant/presence'],
    // A one-element list reads as its element in a RegExp test: the type checks are what refuse it.
    ['a country in a list', withMerchant({ country: ['TW'] }), '/merchant/country'],
    ['a currency in a list', { ...good, currency: ['TWD'] }, '/currency'],
    ['a time in a list', { ...good, transactionAt: [good.transactionAt] }, '/transactionAt'],
    ['a merchant id with a space', withMerchant({ id: 'a b' }), '/merchant/id'],
    ['a merchant that is a list', { ...good, merchant: [MERCHANTS.skm] }, '/merchant'],
    ['a merchant that is null', { ...good, merchant: null }, '/merchant'],
    ['361 installments', { ...good, installments: { count: 361, index: 1 } }, '/installments/count'],
    ['zero installments', { ...good, installments: { count: 0, index: 1 } }, '/installments/count'],
    ['2.5 installments', { ...good, installments: { count: 2.5, index: 1 } }, '/installments/count'],
    [
      'an installment count as text',
      { ...good, installments: { count: '3', index: 1 } },
      '/installments/count',
    ],
    ['installment 0', { ...good, installments: { count: 3, index: 0 } }, '/installments/index'],
    ['installment 1.5', { ...good, installments: { count: 3, index: 1.5 } }, '/installments/index'],
    [
      'an installment index as text',
      { ...good, installments: { count: 3, index: '1' } },
      '/installments/index',
    ],
    [
      'installments with another field',
      { ...good, installments: { count: 3, index: 1, of: 3 } },
      '/installments',
    ],
    ['installments as a number', { ...good, installments: 3 }, '/installments'],
    ['minute 60', at('2026-03-14T10:60:00+08:00'), '/transactionAt'],
    ['second 60', at('2026-03-14T10:00:60+08:00'), '/transactionAt'],
    ['an offset of 24 hours', at('2026-03-14T10:00:00+24:00'), '/transactionAt'],
    ['an offset of 60 minutes', at('2026-03-14T10:00:00+08:60'), '/transactionAt'],
    ['an instant before 1970', at('1969-12-31T23:59:59Z'), '/transactionAt'],
    ['a time as epoch ms', at(String(Date.UTC(2026, 2, 14))), '/transactionAt'],
    ['a settledAt that is not a time', { ...good, settledAt: 'soon' }, '/settledAt'],
    ['a currency that is not text', { ...good, currency: 901 }, '/currency'],
    ['a billed amount below zero', { ...good, billedAmountTwd: -1 }, '/billedAmountTwd'],
    ['a missing card', { ...good, cardId: undefined }, '/cardId'],
    ['an id that is a number', { ...good, id: 1 }, '/id'],
    ['an empty id', { ...good, id: '' }, '/id'],
    ['an original id with a slash', { ...good, originalEventId: 'a/b' }, '/originalEventId'],
    ['settledAt on an authorization', { ...purchase, settledAt: good.settledAt }, '/settledAt'],
    [
      'installments on a reversal',
      { ...follow('authorization_reversal'), installments: { count: 2, index: 1 } },
      '/installments',
    ],
    [
      'a reversal naming no authorization',
      { ...follow('authorization_reversal'), originalEventId: undefined },
      '/originalEventId',
    ],
    ['an authorization without merchant', { ...purchase, merchant: undefined }, '/merchant'],
  ])('refuses %s, naming the field', (_what, event, field) => {
    expect(problemOf(event)).toMatchObject({ code: 'invalid_event', field });
  });

  it('a follow-up event needs no merchant, and installments belong to settlements and authorizations', () => {
    expect(problemOf(follow('incremental_authorization'))).toBeNull();
    expect(problemOf({ ...purchase, installments: { count: 3, index: 1 } })).toBeNull();
    expect(problemOf({ ...refund, type: 'chargeback' })).toBeNull();
  });

  it('tells the operator what is wrong, with the field and the limit', () => {
    const cases: [unknown, string][] = [
      [[good], 'an event must be a JSON object'],
      [{ ...good, note: 'x' }, '/note is not a known field'],
      [{ ...good, id: 'a/b' }, '/id must be 1–64 letters, digits or . _ : -'],
      [
        { ...good, type: 'capture' },
        '/type must be one of authorization, incremental_authorization, authorization_reversal, ' +
          'authorization_expiry, settlement, refund, chargeback',
      ],
      [{ ...good, billedAmountTwd: undefined }, '/billedAmountTwd is required on settlement events'],
      [{ ...purchase, originalEventId: 'x' }, '/originalEventId is not allowed on authorization events'],
      [{ ...good, currency: 'twd' }, '/currency must be an ISO 4217 code in capitals, e.g. TWD'],
      [
        { ...good, transactionAt: 'now' },
        '/transactionAt must be an RFC 3339 date-time with an offset, e.g. 2026-03-14T15:30:00+08:00',
      ],
      [{ ...good, settledAt: '2026-03-13T10:00:00+08:00' }, '/settledAt must not be before transactionAt'],
      [{ ...good, originalEventId: 'evt-1' }, '/originalEventId must name another event'],
      [{ ...refund, amount: 0 }, '/amount must be a whole number of minor units ≥ 1'],
      [{ ...good, amount: -1 }, '/amount must be a whole number of minor units ≥ 0'],
      [{ ...good, merchant: 'shop' }, '/merchant must be an object'],
      [withMerchant({ city: 'x' }), '/merchant/city is not a known field'],
      [withMerchant({ name: '' }), '/merchant/name must be 1–200 characters without control characters'],
      [withMerchant({ mcc: '1' }), '/merchant/mcc must be 4 digits (ISO 18245)'],
      [withMerchant({ country: 'tw' }), '/merchant/country must be an ISO 3166 alpha-2 code in capitals'],
      [withMerchant({ presence: 'mail' }), "/merchant/presence must be 'in_person' or 'online'"],
      [{ ...good, installments: [] }, '/installments must be { "count", "index" }'],
      [
        { ...good, installments: { count: 0, index: 1 } },
        '/installments/count must be a whole number from 1 to 360',
      ],
      [
        { ...good, installments: { count: 2, index: 3 } },
        '/installments/index must be a whole number from 1 to count',
      ],
    ];
    for (const [event, message] of cases) expect(problemOf(event)?.message).toBe(message);
  });

  it('reads a settlement fully: every field, the merchant and the installment', () => {
    const checked = checkEvent({ ...good, installments: { count: 3, index: 2 }, originalEventId: 'auth-9' });
    expect(checked).toEqual({
      event: {
        id: 'evt-1',
        type: 'settlement',
        cardRef: 'tok_abc',
        amount: 3000,
        currency: 'TWD',
        billedAmountTwd: 3000,
        merchant: { ...MERCHANTS.skm, presence: 'in_person' },
        transactionAt: Date.UTC(2026, 2, 14, 7, 30),
        settledAt: Date.UTC(2026, 2, 16, 2),
        installments: { count: 3, index: 2 },
        originalEventId: 'auth-9',
      },
    });
  });

  it('reads an authorization with no optional fields as nulls', () => {
    const checked = checkEvent(purchase);
    expect(checked).toMatchObject({
      event: { billedAmountTwd: null, settledAt: null, installments: null, originalEventId: null },
    });
  });

  it('reads a negative offset and a lower-case separator', () => {
    expect(rfc3339('2026-03-13t19:00:00-05:00', '/t')).toBe(Date.UTC(2026, 2, 14));
  });

  it('passes on an error that is not a refusal', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new TypeError('boom');
        },
      },
    );
    expect(() => checkEvent(hostile)).toThrow('boom');
  });
});

describe('what an event names', () => {
  it('a purchase is named after its authorization; a return takes effect when cleared, else when made', () => {
    const parsed = (event: unknown) => {
      const checked = checkEvent(event);
      if (!('event' in checked)) throw new Error('expected a valid event');
      return checked.event;
    };
    expect(purchaseRootId(parsed(purchase))).toBe('auth-1');
    expect(purchaseRootId(parsed({ ...good, originalEventId: 'auth-1' }))).toBe('auth-1');
    expect(purchaseRootId(parsed(good))).toBe('evt-1');
    const cleared = parsed(refund);
    expect(effectiveAt(cleared)).toBe(cleared.settledAt);
    const uncleared = parsed({ ...refund, settledAt: undefined });
    expect(effectiveAt(uncleared)).toBe(uncleared.transactionAt);
  });

  it('outcomes carry the event, the transaction and the points, or the problem', () => {
    const why = problem('invalid_event', '/id is wrong', '/id');
    expect(why).toEqual({ code: 'invalid_event', message: '/id is wrong', field: '/id' });
    expect(rejected('e1', why)).toEqual({ eventId: 'e1', status: 'rejected', error: why });
    expect(applied('e1', 'tx1', 12)).toEqual({
      eventId: 'e1',
      status: 'applied',
      transactionId: 'tx1',
      points: 12,
    });
  });
});

function follow(type: 'incremental_authorization' | 'authorization_reversal' | 'authorization_expiry') {
  return ev.follow('f-1', type, { card: 't', of: 'auth-1', ntd: 1, on: '2026-03-14' });
}
