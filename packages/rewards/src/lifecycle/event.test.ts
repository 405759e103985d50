import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  fingerprintOf,
  type ParsedEvent,
  parseStored,
  purchaseRootId,
  purchaseTransactionId,
} from './event.ts';
import { ev, MERCHANTS } from './test-events.ts';
import { checkEvent } from './validate.ts';

/**
 * What is stored of an event and named after it. These are kept in the database (the canonical
 * payload, its fingerprint, the purchase's transaction id), so a change here is not a refactor:
 * a re-post of a stored event would no longer compare equal, or a settlement arriving after a
 * deploy would name another transaction than its authorization stored before.
 */
function parsed(event: unknown): ParsedEvent {
  const checked = checkEvent(JSON.parse(JSON.stringify(event)));
  if (!('event' in checked)) throw new Error(`expected a valid event: ${JSON.stringify(checked)}`);
  return checked.event;
}

const settlement = parsed({
  ...ev.settlement('evt-1', {
    card: 'tok_abc',
    on: '2026-03-14',
    at: '15:30',
    ntd: 30,
    merchant: MERCHANTS.skm,
  }),
  installments: { count: 3, index: 2 },
});
const reversal = parsed(
  ev.follow('rev-1', 'authorization_reversal', { card: 't', of: 'auth-1', ntd: 1, on: '2026-03-14' }),
);

describe('the stored event', () => {
  it('is one JSON text in one key order, with the merchant and the installment', () => {
    expect(canonicalJson(settlement)).toBe(
      '{"id":"evt-1","type":"settlement","cardRef":"tok_abc","amount":3000,"currency":"TWD",' +
        '"billedAmountTwd":3000,"merchant":{"id":"shin-kong-mitsukoshi","name":"新光三越","mcc":"5311",' +
        '"country":"TW","presence":"in_person"},"transactionAt":1773473400000,"settledAt":1773626400000,' +
        '"installments":{"count":3,"index":2},"originalEventId":null}',
    );
  });

  it('keeps absent optionals as null', () => {
    expect(JSON.parse(canonicalJson(reversal))).toMatchObject({
      merchant: null,
      billedAmountTwd: null,
      settledAt: null,
      installments: null,
      originalEventId: 'auth-1',
    });
  });

  it('reads back as the event it was made from', () => {
    for (const event of [settlement, reversal]) expect(parseStored(canonicalJson(event))).toEqual(event);
  });

  it('is fingerprinted as the SHA-256 of the canonical text, in base64url', () => {
    const text = canonicalJson(settlement);
    const fingerprint = fingerprintOf(text);
    expect(fingerprint).toBe(createHash('sha256').update(text).digest('base64url'));
    expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('the purchase an event belongs to', () => {
  const authorization = parsed(ev.authorization('auth-1', { card: 't', on: '2026-03-14', ntd: 1 }));

  it('keeps the transaction id stored purchases already have', () => {
    // derivedId('transaction', 'auth-1'): pinned, since every stored purchase is named so.
    const id = '76fcb049-00ea-8eff-a62b-34d49a37575f';
    expect(purchaseTransactionId(authorization)).toBe(id);
    expect(purchaseTransactionId(reversal)).toBe(id);
  });

  it('is named after an authorization itself, and after the authorization a follow-up names', () => {
    expect(purchaseRootId(authorization)).toBe('auth-1');
    expect(purchaseRootId(reversal)).toBe('auth-1');
    expect(purchaseRootId(settlement)).toBe('evt-1');
  });
});
