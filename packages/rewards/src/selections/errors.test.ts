import { describe, expect, it } from 'vitest';
import type { CardState } from '../earning/types.ts';
import { type Ineligibility, ineligibility, ineligibilityText } from './eligibility.ts';
import {
  AlreadySwitchedTodayError,
  PlanNotAvailableError,
  PlanNotEligibleError,
  SupplementaryFollowsPrimaryError,
} from './errors.ts';

/**
 * The refusals a cardholder reads (the card app shows `message`, the problem detail carries
 * `code` and `fields`): each names the rule that refused, with the dates it depends on.
 */
const PLAN = { 'zh-TW': '慶生月', en: 'Birthday month' };

describe('selection refusals', () => {
  it('a supplementary card is told that its primary card decides', () => {
    const error = new SupplementaryFollowsPrimaryError();
    expect(error).toMatchObject({
      name: 'SupplementaryFollowsPrimaryError',
      code: 'supplementary_follows_primary',
      status: 403,
      message:
        'A supplementary card follows the plan of its primary card; the primary cardholder changes it.',
    });
  });

  it('a plan off the shelf names the plan and the field', () => {
    const error = new PlanNotAvailableError('cube-travel');
    expect(error).toMatchObject({
      name: 'PlanNotAvailableError',
      code: 'plan_not_available',
      status: 400,
      message: 'The plan "cube-travel" is not on the shelf now.',
      fields: [{ field: '/planId', message: 'is not on the shelf' }],
    });
  });

  it("a second change in a day names today's date and when the next change is possible", () => {
    const nextAt = Date.UTC(2025, 7, 1, 16); // 2025-08-02 00:00 Asia/Taipei
    const error = new AlreadySwitchedTodayError('2025-08-01', '2025-08-02', nextAt);
    expect(error).toMatchObject({
      name: 'AlreadySwitchedTodayError',
      code: 'already_switched_today',
      status: 409,
      taipeiDate: '2025-08-01',
      nextSwitchDate: '2025-08-02',
      nextSwitchAt: nextAt,
      message:
        'The plan was already changed today (2025-08-01, Asia/Taipei); a plan can be changed once a day. ' +
        'The next change is possible from 2025-08-02 00:00 Asia/Taipei (2025-08-01T16:00:00.000Z).',
    });
  });

  it('an ineligible plan carries the reason code and its English sentence', () => {
    const reason: Ineligibility = { code: 'not_eligible', flag: 'kids', eligibleFrom: null };
    const error = new PlanNotEligibleError(reason, { 'zh-TW': '不可', en: 'Not now.' });
    expect(error).toMatchObject({
      name: 'PlanNotEligibleError',
      code: 'not_eligible',
      status: 400,
      reason,
      message: 'Not now.',
      fields: [{ field: '/planId', message: 'Not now.' }],
    });
  });
});

describe('ineligibilityText', () => {
  it('a birth-month plan names the birth month and the date it opens', () => {
    const reason = ineligibility({ kind: 'birth_month' }, card(7), '2025-08-15');
    expect(reason).toEqual({ code: 'not_birth_month', birthMonth: 7, eligibleFrom: '2026-07-01' });
    expect(ineligibilityText(reason!, PLAN)).toEqual({
      'zh-TW': '慶生月限生日當月（7 月）選用，2026-07-01 起可選。',
      en: "Birthday month can be chosen in the cardholder's birth month (month 7) only: from 2026-07-01.",
    });
  });

  it('a birth-month plan on a card with no birth month says so', () => {
    const reason = ineligibility({ kind: 'birth_month' }, card(null), '2025-08-15');
    expect(ineligibilityText(reason!, PLAN)).toEqual({
      'zh-TW': '慶生月限生日當月選用，此卡尚無生日月份資料。',
      en: "Birthday month can be chosen in the cardholder's birth month only, and this card has no birth month on file.",
    });
  });

  it('a flag plan names the date the card may choose it from, or that it may not', () => {
    const kids = { 'zh-TW': '童樂匯', en: 'Kids' };
    const later = ineligibility({ kind: 'flag', flag: 'kids' }, card(1, '2025-09-01'), '2025-08-15');
    expect(later).toEqual({ code: 'not_eligible', flag: 'kids', eligibleFrom: '2025-09-01' });
    expect(ineligibilityText(later!, kids)).toEqual({
      'zh-TW': '童樂匯須符合資格，此卡自 2025-09-01 起可選用。',
      en: 'Kids needs eligibility (kids); this card may choose it from 2025-09-01.',
    });
    const never = ineligibility({ kind: 'flag', flag: 'kids' }, card(1), '2025-08-15');
    expect(ineligibilityText(never!, kids)).toEqual({
      'zh-TW': '童樂匯僅限符合資格的持卡人選用。',
      en: 'Kids is for eligible cardholders only (kids).',
    });
  });

  it('everyone may choose an open plan, whatever the card', () => {
    expect(ineligibility({ kind: 'everyone' }, card(null), '2025-08-15')).toBeNull();
  });

  it('the next birth month is written with a two-digit month and a four-digit year', () => {
    expect(ineligibility({ kind: 'birth_month' }, card(11), '2025-08-15')?.eligibleFrom).toBe('2025-11-01');
    expect(ineligibility({ kind: 'birth_month' }, card(1), '0999-08-15')?.eligibleFrom).toBe('1000-01-01');
    expect(ineligibility({ kind: 'birth_month' }, card(9), '0099-08-15')?.eligibleFrom).toBe('0099-09-01');
  });
});

function card(birthMonth: number | null, kidsFrom?: string): CardState {
  return {
    level: 1 as const,
    birthMonth,
    eligibleFrom: kidsFrom === undefined ? {} : { kids: kidsFrom },
  };
}
