import { ValidationError } from '@plaza/kernel/errors';
import { describe, expect, it } from 'vitest';
import { CUBE_PROGRAM, CUBE_SETTINGS } from '../program/cube-program.ts';
import { computeEarning } from './engine.ts';
import { cardState, earn, holding, transaction } from './test-helpers.ts';
import type { EarningTransaction } from './types.ts';

// The engine's boundaries that its examples (acceptance.test.ts) step over: the day a rule
// starts, a one-part installment, and every refusal of a malformed transaction, word for word.

const toyShop = { merchant: 'toys-r-us', mcc: '5945', ntd: 1000 } as const;
const netflix = { merchant: 'netflix', mcc: '5815', presence: 'online', ntd: 1000 } as const;

function skipOf(tx: EarningTransaction, planId: string, card = cardState()) {
  const line = earn(CUBE_PROGRAM, holding(planId), tx, card).lines[0];
  return line?.kind === 'general' ? line.bonusSkipped : undefined;
}

describe('the engine at the edges of its rules', () => {
  it('counts a flag from the selection date itself, and withholds the bonus without the flag', () => {
    const tx = transaction({ on: '2025-09-01', ...toyShop });
    const flagged = earn(
      CUBE_PROGRAM,
      holding('kids'),
      tx,
      cardState({ eligibleFrom: { kids: '2025-09-01' } }),
    );
    expect(flagged.lines.map((line) => line.points)).toEqual([3, 97]);
    expect(skipOf(tx, 'kids')).toEqual({ code: 'not_eligible', plan: expect.anything(), flag: 'kids' });
    expect(skipOf(tx, 'kids', cardState({ eligibleFrom: { kids: '2025-09-02' } }))?.code).toBe(
      'not_eligible',
    );
  });

  it('earns general only on an installment bought on the rule’s first day', () => {
    const since = CUBE_SETTINGS.installmentGeneralOnlySince;
    expect(since).toBe('2024-02-01');
    const tx = transaction({ on: '2024-02-01', ...netflix, installments: { count: 3, index: 1 } });
    expect(skipOf(tx, 'digital')).toEqual({ code: 'installment_general_only', since });
  });

  it('treats a one-part installment as a plain purchase', () => {
    const tx = transaction({ on: '2026-03-10', ...netflix, installments: { count: 1, index: 1 } });
    const earning = earn(CUBE_PROGRAM, holding('digital'), tx);
    expect(earning.basis.installment).toBeNull();
    expect(earning.lines.map((line) => line.points)).toEqual([3, 27]);
  });
});

describe('the refusal of a malformed transaction', () => {
  const tx = transaction({ on: '2026-03-10', ...netflix });

  function issuesOf(bad: EarningTransaction) {
    try {
      computeEarning({
        transaction: bad,
        planVersion: undefined,
        card: cardState(),
        capsUsed: {},
        settings: CUBE_SETTINGS,
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const refusal = error as ValidationError;
      expect([refusal.code, refusal.message]).toEqual([
        'invalid_transaction',
        'The transaction cannot earn points as given.',
      ]);
      return refusal.fields;
    }
    return expect.unreachable('accepted');
  }

  it('names every bad field with its code and sentence', () => {
    const bad = { ...tx, amountMinor: -1, transactionAt: Number.NaN, settledAt: Number.POSITIVE_INFINITY };
    expect(issuesOf(bad)).toEqual([
      { field: '/amountMinor', code: 'too_small', params: { min: 0 }, message: 'must be an integer ≥ 0' },
      { field: '/transactionAt', code: 'not_date_time', message: 'must be epoch ms' },
      { field: '/settledAt', code: 'not_date_time', message: 'must be epoch ms' },
    ]);
  });

  it('refuses an installment whose count is not whole or whose index is outside 1…count', () => {
    const invalid = { field: '/installments', code: 'invalid', message: 'needs 1 ≤ index ≤ count' };
    for (const installments of [
      { count: 2.5, index: 1 },
      { count: 3, index: 0 },
      { count: 3, index: 4 },
    ]) {
      expect(issuesOf({ ...tx, installments })).toEqual([invalid]);
    }
  });
});
