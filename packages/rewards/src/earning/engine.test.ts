import { ValidationError } from '@plaza/kernel/errors';
import { describe, expect, it } from 'vitest';
import { CUBE_PROGRAM, CUBE_SETTINGS } from '../program/cube-program.ts';
import { planVersionAt } from '../program/lookup.ts';
import { computeEarning } from './engine.ts';
import { cardState, transaction } from './test-helpers.ts';

const tx = transaction({ on: '2026-03-10', merchant: 'netflix', ntd: 1000 });
const base = { transaction: tx, card: cardState(), capsUsed: {}, settings: CUBE_SETTINGS };

describe('computeEarning', () => {
  it('previews every plan for one transaction (the admin console and the plan chooser)', () => {
    const totals = CUBE_PROGRAM.plans.map((plan) => {
      const planVersion = planVersionAt(CUBE_PROGRAM, plan.id, tx.transactionAt);
      return [plan.id, computeEarning({ ...base, planVersion }).totalPoints];
    });
    expect(Object.fromEntries(totals)).toEqual({
      digital: 30,
      dining: 3,
      travel: 3,
      everyday: 3,
      birthday: 3,
      kids: 3,
    });
  });

  it('refuses a plan version from another date', () => {
    const planVersion = planVersionAt(
      CUBE_PROGRAM,
      'digital',
      transaction({ on: '2024-03-10', merchant: 'x', ntd: 1 }).transactionAt,
    );
    expect(() => computeEarning({ ...base, planVersion })).toThrow(/not on the shelf/);
  });

  it('refuses amounts that are not whole minor units with a machine-readable code', () => {
    const bad = { ...tx, billedAmountTwdMinor: 12.5, installments: { count: 3, index: 4 } };
    try {
      computeEarning({ ...base, transaction: bad, planVersion: undefined });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).code).toBe('invalid_transaction');
      expect((error as ValidationError).fields.map((f) => f.field)).toEqual([
        '/billedAmountTwdMinor',
        '/installments',
      ]);
    }
  });
});
