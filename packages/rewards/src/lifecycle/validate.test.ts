import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintOf, purchaseTransactionId } from './event.ts';
import { ev, MERCHANTS } from './test-events.ts';
import { checkEvent, rfc3339 } from './validate.ts';

const good = ev.settlement('evt-1', {
  card: 'tok_abc',
  on: '2026-03-14',
  at: '15:30',
  ntd: 3000,
  merchant: MERCHANTS.skm,
});

function problemOf(event: unknown) {
  const checked = checkEvent(event);
  return 'problem' in checked ? checked.problem : null;
}

describe('event validation', () => {
  it('accepts a well-formed settlement and reads its times as instants', () => {
    const checked = checkEvent(good);
    expect('event' in checked && checked.event).toMatchObject({
      id: 'evt-1',
      cardRef: 'tok_abc',
      amount: 300_000,
      transactionAt: Date.UTC(2026, 2, 14, 7, 30),
      merchant: { presence: 'in_person' },
      installments: null,
    });
  });

  // Each row: what is wrong, and the field the refusal must name (all with a stable code).
  const BAD: readonly [string, unknown, string][] = [
    ['an unknown field', { ...good, note: 'x' }, '/note'],
    ['an id with a slash', { ...good, id: 'a/b' }, '/id'],
    ['an id of 65 characters', { ...good, id: 'x'.repeat(65) }, '/id'],
    ['an unknown type', { ...good, type: 'capture' }, '/type'],
    ['a fractional amount', { ...good, amount: 100.5 }, '/amount'],
    ['a negative amount', { ...good, amount: -1 }, '/amount'],
    ['an amount as a string', { ...good, amount: '300000' }, '/amount'],
    ['an amount past 2^53', { ...good, amount: 2 ** 53 }, '/amount'],
    ['a lower-case currency', { ...good, currency: 'twd' }, '/currency'],
    ['a four-letter currency', { ...good, currency: 'TWDX' }, '/currency'],
    ['a settlement without billedAmountTwd', { ...good, billedAmountTwd: undefined }, '/billedAmountTwd'],
    ['a settlement without settledAt', { ...good, settledAt: undefined }, '/settledAt'],
    ['a settlement without merchant', { ...good, merchant: undefined }, '/merchant'],
    ['a three-digit MCC', { ...good, merchant: { ...MERCHANTS.skm, mcc: '531' } }, '/merchant/mcc'],
    ['a lower-case country', { ...good, merchant: { ...MERCHANTS.skm, country: 'tw' } }, '/merchant/country'],
    [
      'a control character in a name',
      { ...good, merchant: { ...MERCHANTS.skm, name: 'a\u0007b' } },
      '/merchant/name',
    ],
    [
      'an unknown merchant field',
      { ...good, merchant: { ...MERCHANTS.skm, city: 'Taipei' } },
      '/merchant/city',
    ],
    ['a time without offset', { ...good, transactionAt: '2026-03-14T15:30:00' }, '/transactionAt'],
    ['February 30th', { ...good, transactionAt: '2026-02-30T10:00:00+08:00' }, '/transactionAt'],
    ['hour 24', { ...good, transactionAt: '2026-03-14T24:00:00+08:00' }, '/transactionAt'],
    ['a settlement before its purchase', { ...good, settledAt: '2026-03-13T10:00:00+08:00' }, '/settledAt'],
    ['installment 4 of 3', { ...good, installments: { count: 3, index: 4 } }, '/installments/index'],
    [
      'a refund without originalEventId',
      { ...ev.refund('r', { card: 't', of: 'x', ntd: 1, on: '2026-03-14' }), originalEventId: undefined },
      '/originalEventId',
    ],
    ['a refund of zero', ev.refund('r', { card: 't', of: 'x', ntd: 0, on: '2026-03-14' }), '/amount'],
    [
      'an authorization naming an original',
      { ...ev.authorization('a', { card: 't', on: '2026-03-14', ntd: 1 }), originalEventId: 'b' },
      '/originalEventId',
    ],
    [
      'installments on a refund',
      {
        ...ev.refund('r', { card: 't', of: 'x', ntd: 1, on: '2026-03-14' }),
        installments: { count: 2, index: 1 },
      },
      '/installments',
    ],
    ['an event following itself', { ...good, originalEventId: 'evt-1' }, '/originalEventId'],
  ];

  it.each(BAD)('refuses %s, naming the field', (_what, event, field) => {
    const clean = JSON.parse(JSON.stringify(event));
    expect(problemOf(clean)).toMatchObject({ code: 'invalid_event', field });
  });

  it('refuses what is not an object', () => {
    for (const raw of [null, 'evt', 42, [good]])
      expect(problemOf(raw)).toMatchObject({ code: 'invalid_event', field: '/' });
  });

  it('reads RFC 3339 offsets and fractions exactly', () => {
    expect(rfc3339('2026-03-14T08:00:00+08:00', '/t')).toBe(rfc3339('2026-03-14T00:00:00Z', '/t'));
    expect(rfc3339('2026-03-14t00:00:00.123456789z', '/t')).toBe(Date.UTC(2026, 2, 14) + 123);
  });

  it('fingerprints content, not spelling: the same instant in another offset is the same event', () => {
    const a = checkEvent(good);
    const b = checkEvent({ ...good, transactionAt: '2026-03-14T07:30:00Z' });
    const c = checkEvent({ ...good, amount: 300_001 });
    if (!('event' in a && 'event' in b && 'event' in c)) throw new Error('expected valid events');
    expect(fingerprintOf(canonicalJson(a.event))).toBe(fingerprintOf(canonicalJson(b.event)));
    expect(fingerprintOf(canonicalJson(a.event))).not.toBe(fingerprintOf(canonicalJson(c.event)));
  });

  it('names a purchase after its authorization, whichever of its events is read', () => {
    const auth = checkEvent(ev.authorization('auth-1', { card: 't', on: '2026-03-14', ntd: 10 }));
    const settled = checkEvent(
      ev.settlement('set-1', { card: 't', on: '2026-03-14', ntd: 10, auth: 'auth-1' }),
    );
    const alone = checkEvent(ev.settlement('set-2', { card: 't', on: '2026-03-14', ntd: 10 }));
    if (!('event' in auth && 'event' in settled && 'event' in alone))
      throw new Error('expected valid events');
    expect(purchaseTransactionId(settled.event)).toBe(purchaseTransactionId(auth.event));
    expect(purchaseTransactionId(alone.event)).not.toBe(purchaseTransactionId(auth.event));
  });
});
