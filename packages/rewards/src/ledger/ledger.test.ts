import { describe, expect, it } from 'vitest';
import { cardAccount, postingId, spendPostingId } from './accounts.ts';
import { derivedId } from './derived-id.ts';
import { releaseOf, splitClawback } from './rules.ts';
import { LedgerWorkingSet } from './working-set.ts';

const ref = { settlementId: 'set-1', cardId: 'card-a', transactionId: 'tx-1' };
const empty = {
  pendingBySettlement: new Map(),
  released: new Set<string>(),
  available: new Map(),
  owed: new Map(),
};

function balances(work: LedgerWorkingSet) {
  const sums: Record<string, number> = {};
  for (const p of work.postings) {
    sums[p.debit_account] = (sums[p.debit_account] ?? 0) - p.amount;
    sums[p.credit_account] = (sums[p.credit_account] ?? 0) + p.amount;
  }
  return sums;
}

describe('ledger rules', () => {
  it('takes a clawback from the settlement’s pending points first, then available, then records what is owed', () => {
    expect(
      splitClawback(30, { pendingOfSettlement: 10, available: 5, allowNegativeAvailable: false }),
    ).toEqual({
      fromPending: 10,
      fromAvailable: 5,
      fromReceivable: 15,
    });
    expect(
      splitClawback(30, { pendingOfSettlement: 0, available: -4, allowNegativeAvailable: false }),
    ).toEqual({
      fromPending: 0,
      fromAvailable: 0,
      fromReceivable: 30,
    });
    // A program that allows it lets available go below zero instead.
    expect(
      splitClawback(30, { pendingOfSettlement: 10, available: 5, allowNegativeAvailable: true }),
    ).toEqual({
      fromPending: 10,
      fromAvailable: 20,
      fromReceivable: 0,
    });
  });

  it('repays what is owed out of a release, never more than was released', () => {
    expect(releaseOf(90, 20)).toEqual({ release: 90, repay: 20 });
    expect(releaseOf(15, 40)).toEqual({ release: 15, repay: 15 });
    expect(releaseOf(0, 40)).toEqual({ release: 0, repay: 0 });
  });

  it('derives the same ids from the same causes and different ones otherwise', () => {
    const at = Date.UTC(2026, 2, 12, 2);
    expect(postingId('evt-1', 1, 'earn', at)).toBe(postingId('evt-1', 1, 'earn', at));
    expect(
      new Set([
        postingId('evt-1', 1, 'earn', at),
        postingId('evt-1', 2, 'earn', at),
        postingId('evt-1', 1, 'release', at),
        postingId('evt-1', 1, 'earn', at + 1),
      ]).size,
    ).toBe(4);
    expect(spendPostingId('spend:order-1')).toBe(spendPostingId('spend:order-1'));
    expect(spendPostingId('spend:order-1')).not.toBe(spendPostingId('spend:order-2'));
    expect(derivedId('a', 'bc')).not.toBe(derivedId('ab', 'c'));
    expect(derivedId('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('orders posting ids by their effective time, whatever the event', () => {
    const times = [0, 1, 999, Date.UTC(2026, 2, 12), Date.UTC(2026, 2, 12) + 1, 2 ** 48 - 1];
    const ids = times.map((at, i) => postingId(`evt-${times.length - i}`, 1, 'earn', at));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[3]!.replace('-', '').slice(0, 12)).toBe(Date.UTC(2026, 2, 12).toString(16).padStart(12, '0'));
    for (const bad of [-1, 1.5, 2 ** 48, Number.NaN])
      expect(() => postingId('e', 1, 'earn', bad)).toThrow(RangeError);
  });
});

describe('the working set', () => {
  it('earns into pending, releases once, and keeps every posting balanced', () => {
    const work = new LedgerWorkingSet(
      { ...empty, available: new Map([['card-a', 0]]), owed: new Map([['card-a', 0]]) },
      { recordedAt: 1, allowNegativeAvailable: false },
    );
    work.earn(ref, 1, 9, 100);
    work.earn(ref, 2, 81, 100);
    work.earn(ref, 3, 0, 100); // a zero line moves nothing
    work.release(ref, 200);
    work.release(ref, 300); // a second release is a no-op
    expect(work.postings.map((p) => [p.leg, p.amount])).toEqual([
      ['earn', 9],
      ['earn', 81],
      ['release', 90],
    ]);
    expect(balances(work)).toEqual({
      'bank:points_liability': -90,
      [cardAccount('card-a', 'pending')]: 0,
      [cardAccount('card-a', 'available')]: 90,
    });
    expect(work.releasedNow).toEqual(['set-1']);
  });

  it('refuses to guess a balance it was not given', () => {
    const work = new LedgerWorkingSet(empty, { recordedAt: 1, allowNegativeAvailable: false });
    work.earn(ref, 1, 10, 100);
    expect(() => work.clawback(ref, 'ref-1', 1, 5, 300)).toThrow(/available balance .* not loaded/);
    expect(() => work.release(ref, 200)).toThrow(/owed balance .* not loaded/);
  });

  it('records a shortfall as owed and repays it from the next release', () => {
    const other = { ...ref, settlementId: 'set-2' };
    const work = new LedgerWorkingSet(
      { ...empty, available: new Map([['card-a', 3]]), owed: new Map([['card-a', 0]]) },
      { recordedAt: 1, allowNegativeAvailable: false },
    );
    work.clawback(ref, 'refund-1', 1, 10, 100);
    work.earn(other, 1, 30, 110);
    work.release(other, 200);
    expect(work.postings.map((p) => `${p.leg}:${p.amount}`)).toEqual([
      'clawback_available:3',
      'clawback_receivable:7',
      'earn:30',
      'release:30',
      'repay:7',
    ]);
    const sums = balances(work);
    expect(sums[cardAccount('card-a', 'receivable')]).toBe(0);
    expect(sums[cardAccount('card-a', 'available')]).toBe(30 - 3 - 7);
  });
});
