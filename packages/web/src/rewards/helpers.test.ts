/** The card app's and console's pure helpers: formatting on the Taipei calendar, and the forms' parsing. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { issuesAt, issuesOf } from './admin/form-issues.ts';
import { previewInputFrom, toMinor } from './admin/preview-input.ts';
import { draftFromTerms, emptyDraft, parseMcc, percentToBps, termsFromDraft } from './admin/version-draft.ts';
import {
  currencyExponent,
  formatCalendarDate,
  formatMoney,
  formatRate,
  formatSignedPoints,
  formatTaipeiDateTime,
  taipeiDateOf,
} from './lib/format.ts';
import { epochToTaipeiLocal, taipeiLocalToRfc3339 } from './lib/taipei-input.ts';

describe('Rewards formatting', () => {
  it('writes rates in basis points as percentages', () => {
    expect(formatRate(330, 'en')).toBe('3.3%');
    expect(formatRate(30, 'zh-TW')).toBe('0.3%');
    expect(formatRate(200, 'zh-CN')).toBe('2%');
  });

  it('writes minor units as money without ".00" on whole amounts', () => {
    expect(currencyExponent('TWD')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(formatMoney(300_000, 'TWD', 'en')).toBe('NT$3,000');
    expect(formatMoney(300_000, 'TWD', 'zh-TW')).toBe('NT$3,000');
    expect(formatMoney(1234, 'USD', 'en')).toBe('$12.34');
    expect(formatMoney(5000, 'JPY', 'en')).toBe('¥5,000');
  });

  it('signs points that moved', () => {
    expect(formatSignedPoints(90, 'en')).toBe('+90');
    expect(formatSignedPoints(-30, 'en')).toBe('-30');
    expect(formatSignedPoints(0, 'en')).toBe('0');
  });

  it('reads dates on the Taipei calendar whatever the device zone', () => {
    // 2026-03-10 16:30 UTC is already the 11th in Taipei (UTC+8).
    expect(taipeiDateOf(Date.UTC(2026, 2, 10, 16, 30))).toBe('2026-03-11');
    expect(formatTaipeiDateTime(Date.UTC(2026, 2, 10, 16, 0), 'en')).toBe('Mar 11, 2026, 00:00');
    expect(formatCalendarDate('2026-03-10', 'zh-TW')).toBe('2026年3月10日');
  });

  it('turns Taipei wall time into RFC 3339 and back', () => {
    expect(taipeiLocalToRfc3339('2026-07-01T00:00')).toBe('2026-07-01T00:00:00+08:00');
    expect(taipeiLocalToRfc3339('2026-07-01')).toBeNull();
    expect(epochToTaipeiLocal(Date.UTC(2026, 5, 30, 16, 0))).toBe('2026-07-01T00:00');
  });
});

describe('the console forms', () => {
  it('parses percentages and merchant category codes as the bank writes them', () => {
    expect(percentToBps('3.3')).toBe(330);
    expect(percentToBps('0.3')).toBe(30);
    expect(percentToBps('3.')).toBeNull();
    expect(percentToBps('abc')).toBeNull();
    expect(parseMcc('5811-5814, 7512')).toEqual([[5811, 5814], 7512]);
    expect(parseMcc('5811–5814，4722')).toEqual([[5811, 5814], 4722]);
    expect(parseMcc('58a1')).toBeNull();
  });

  it('round-trips a version through the form and names the fields it cannot send', () => {
    const draft = {
      ...emptyDraft(),
      zhTW: '電影院',
      en: 'Cinema',
      validFrom: '2026-03-16',
      validTo: '2026-06-30',
      channels: [
        {
          id: 'cinema.theatres',
          zhTW: '電影院',
          en: 'Cinemas',
          byLevel: true,
          rates: { '1': '2', '2': '3', '3': '3.3' },
          rules: [
            {
              merchants: 'vieshow, miramar',
              mcc: '7832',
              region: 'domestic' as const,
              presence: '' as const,
            },
          ],
        },
      ],
      caps: [{ id: 'monthly', channelId: '', period: 'month' as const, limit: '500' }],
    };
    const { terms, errors } = termsFromDraft(draft);
    expect(errors).toEqual({});
    expect(terms.channels[0]).toEqual({
      id: 'cinema.theatres',
      names: { 'zh-TW': '電影院', en: 'Cinemas' },
      rules: [{ merchantIds: ['vieshow', 'miramar'], mcc: [7832], region: 'domestic' }],
      rate: { kind: 'by_level', bps: { '1': 200, '2': 300, '3': 330 } },
    });
    expect(terms.caps).toEqual([
      { id: 'monthly', scope: { kind: 'plan' }, period: 'month', limitPoints: 500 },
    ]);
    expect(draftFromTerms(terms)).toEqual({ ...draft, flag: '' });

    const bad = termsFromDraft({
      ...draft,
      channels: [
        {
          ...draft.channels[0]!,
          rates: { '1': '2', '2': 'x', '3': '3' },
          rules: [{ ...draft.channels[0]!.rules[0]!, mcc: 'food' }],
        },
      ],
      caps: [{ ...draft.caps[0]!, limit: '-1' }],
      eligibility: 'flag',
      flag: 'Kids Only',
    });
    expect(bad.errors).toEqual({
      'channels/0/rate': 'percent',
      'channels/0/rules/0/mcc': 'mcc',
      'caps/0/limitPoints': 'limit',
      'eligibility/flag': 'flag',
    });
    expect(termsFromDraft({ ...draft, eligibility: 'flag', flag: ' kids ' }).errors).toEqual({});
  });

  it('shows each field its own server messages, each once, without the API’s names', () => {
    const issues = issuesOf(
      new ApiError({
        type: '/problems/validation_failed',
        title: 'validation failed',
        status: 400,
        code: 'validation_failed',
        detail: 'fields are not valid',
        errors: [
          { field: '/names/zh-TW', code: 'too_long', message: 'too long', params: { max: 100 } },
          { field: '/names/en', code: 'too_long', message: 'too long', params: { max: 100 } },
          { field: '/holidays/2/name', code: 'too_long', message: 'too long', params: { max: 100 } },
          { field: '/eligibility/flag', code: 'unknown_field', message: 'not known' },
          { field: '/eligibility/flag', code: 'unknown_field', message: 'not known' },
        ],
      }),
    );
    const tooLong = i18next.t('fieldErrors.too_long', { max: 100 });
    expect(issuesAt(issues, 'names/zh-TW')).toBe(tooLong);
    expect(issuesAt(issues, 'names')).toBe(tooLong);
    expect(issuesAt(issues, 'holidays/2')).toBe(tooLong);
    expect(issuesAt(issues, 'eligibility')).toBe(i18next.t('fieldErrors.unknown_field'));
    expect(issuesAt(issues, 'caps')).toBeUndefined();
  });

  it('builds the preview body in minor units and refuses what is not an amount', () => {
    expect(toMinor('3,000', 'TWD')).toBe(300_000);
    expect(toMinor('12.5', 'USD')).toBe(1250);
    expect(toMinor('1.5', 'JPY')).toBeNull();
    const base = {
      amount: '1000',
      currency: 'twd',
      billedTwd: '',
      merchantId: ' netflix ',
      merchantName: 'Netflix',
      mcc: '4899',
      country: 'tw',
      presence: 'online' as const,
      transactionAt: '2026-03-16T12:00',
      installmentCount: '',
      installmentIndex: '',
      level: '2' as const,
      birthMonth: '',
      kidsFrom: '',
    };
    expect(previewInputFrom(base).input).toEqual({
      transaction: {
        amount: 100_000,
        currency: 'TWD',
        billedAmountTwd: 100_000,
        merchant: { id: 'netflix', name: 'Netflix', mcc: '4899', country: 'TW', presence: 'online' },
        transactionAt: '2026-03-16T12:00:00+08:00',
      },
      card: { level: 2, birthMonth: null },
    });
    const bad = previewInputFrom({ ...base, amount: '12abc', installmentCount: '3', installmentIndex: '4' });
    expect(bad.input).toBeNull();
    expect(bad.problems).toEqual(['amount', 'installments']);
  });
});
