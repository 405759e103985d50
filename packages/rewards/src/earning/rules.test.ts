import { describe, expect, it } from 'vitest';
import { CUBE_SETTINGS } from '../program/cube-program.ts';
import type { Channel, ChannelRule } from '../program/types.ts';
import { isForeign, isOverseas, matchChannel, rateFor, ruleMatches } from './channels.ts';
import { currencyExponent, formatDate, formatMoney, formatRate, formatTwd } from './format.ts';
import { planIdOn, selectionDate } from './selection.ts';
import { cardState, transaction } from './test-helpers.ts';

/** The small rules the engine composes: which channel a purchase is in, and how amounts read. */
const shop = (
  over: { mcc?: string; country?: string; presence?: 'in_person' | 'online'; currency?: string } = {},
) => transaction({ on: '2026-03-10', merchant: 'corner', ntd: 100, ...over });

describe('channel rules', () => {
  it('an MCC range includes both ends and nothing past them', () => {
    const rule: ChannelRule = { mcc: [[5811, 5814]] };
    expect(
      ['5810', '5811', '5814', '5815'].map((mcc) => ruleMatches(rule, shop({ mcc }), CUBE_SETTINGS)),
    ).toEqual([false, true, true, false]);
    expect(ruleMatches({ mcc: [5812] }, shop({ mcc: '5812' }), CUBE_SETTINGS)).toBe(true);
    expect(ruleMatches({ mcc: [5812] }, shop({ mcc: '5813' }), CUBE_SETTINGS)).toBe(false);
  });

  it('an MCC that is not four digits matches no range', () => {
    // `Number` reads '5812 ' and '5812.0' as 5812: only the whole-string pattern refuses them.
    for (const mcc of ['581', '58120', '5a12', ' 5812', '5812 ', '5812.0', '5812\n'])
      expect(ruleMatches({ mcc: [[0, 9999]] }, shop({ mcc }), CUBE_SETTINGS)).toBe(false);
  });

  it('every condition of a rule must hold: merchant, presence and region', () => {
    expect(ruleMatches({ merchantIds: ['corner'] }, shop(), CUBE_SETTINGS)).toBe(true);
    expect(ruleMatches({ merchantIds: ['other'] }, shop(), CUBE_SETTINGS)).toBe(false);
    expect(ruleMatches({ presence: 'online' }, shop(), CUBE_SETTINGS)).toBe(false);
    expect(ruleMatches({ presence: 'online' }, shop({ presence: 'online' }), CUBE_SETTINGS)).toBe(true);
    expect(ruleMatches({ region: 'overseas' }, shop({ country: 'JP' }), CUBE_SETTINGS)).toBe(true);
    expect(ruleMatches({ region: 'overseas' }, shop(), CUBE_SETTINGS)).toBe(false);
    expect(ruleMatches({ region: 'domestic' }, shop(), CUBE_SETTINGS)).toBe(true);
    expect(ruleMatches({ region: 'domestic' }, shop({ country: 'jp' }), CUBE_SETTINGS)).toBe(false);
    expect(ruleMatches({ region: 'domestic', presence: 'online' }, shop(), CUBE_SETTINGS)).toBe(false);
  });

  it('foreign is another currency, or TWD at an overseas merchant (any letter case)', () => {
    expect(isOverseas(shop({ country: 'tw' }), CUBE_SETTINGS)).toBe(false);
    expect(isForeign(shop({ currency: 'twd' }), CUBE_SETTINGS)).toBe(false);
    expect(isForeign(shop({ currency: 'usd' }), CUBE_SETTINGS)).toBe(true);
    expect(isForeign(shop({ country: 'JP' }), CUBE_SETTINGS)).toBe(true);
  });

  it('the highest rate for the card wins, and on equal rates the first listed', () => {
    const channel = (id: string, bps: number): Channel => ({
      id,
      names: { 'zh-TW': id, en: id },
      rules: [{ merchantIds: ['corner'] }],
      rate: { kind: 'flat', bps },
    });
    const byLevel: Channel = {
      ...channel('level', 0),
      rate: { kind: 'by_level', bps: { 1: 100, 2: 200, 3: 330 } },
    };
    const tx = shop();
    expect(matchChannel([channel('a', 100), channel('b', 300)], tx, cardState(), CUBE_SETTINGS)?.id).toBe(
      'b',
    );
    expect(matchChannel([channel('a', 300), channel('b', 300)], tx, cardState(), CUBE_SETTINGS)?.id).toBe(
      'a',
    );
    expect(matchChannel([channel('a', 250), byLevel], tx, cardState({ level: 3 }), CUBE_SETTINGS)?.id).toBe(
      'level',
    );
    expect(matchChannel([channel('a', 250), byLevel], tx, cardState({ level: 2 }), CUBE_SETTINGS)?.id).toBe(
      'a',
    );
    const elsewhere = { ...channel('x', 900), rules: [{ merchantIds: ['other'] }] };
    expect(matchChannel([elsewhere], tx, cardState(), CUBE_SETTINGS)).toBeUndefined();
    expect(rateFor(byLevel.rate, cardState({ level: 1 }))).toEqual({ bps: 100, level: 1 });
    expect(rateFor({ kind: 'flat', bps: 30 }, cardState({ level: 1 }))).toEqual({ bps: 30, level: null });
  });
});

describe('plan history', () => {
  it('the latest selection on or before the date applies; of two on one day, the later listed', () => {
    const history = [
      { planId: 'dining', effectiveFrom: '2026-03-01' },
      { planId: 'digital', effectiveFrom: '2026-03-15' },
      { planId: 'travel', effectiveFrom: '2026-03-15' },
    ];
    expect(planIdOn(history, '2026-02-28')).toBeUndefined();
    expect(planIdOn(history, '2026-03-14')).toBe('dining');
    expect(planIdOn(history, '2026-03-15')).toBe('travel');
    expect(planIdOn([...history].reverse(), '2026-03-20')).toBe('digital');
  });

  it('the selection date is the transaction date or the settlement date, as the program says', () => {
    const tx = transaction({ on: '2026-03-10', settledOn: '2026-03-12', merchant: 'x', ntd: 1 });
    expect(selectionDate(CUBE_SETTINGS, tx)).toBe('2026-03-10');
    expect(selectionDate({ ...CUBE_SETTINGS, planSelectionDate: 'settlement' }, tx)).toBe('2026-03-12');
  });
});

describe('formatting amounts and dates', () => {
  it('groups thousands, drops a zero fraction and keeps the sign', () => {
    expect(formatTwd(123_456_789)).toBe('NT$1,234,567.89');
    expect(formatTwd(-150)).toBe('NT$-1.50');
    expect(formatTwd(0)).toBe('NT$0');
    expect(formatTwd(7)).toBe('NT$0.07');
    expect(formatMoney('USD', 10_000)).toBe('USD 100');
    expect(formatMoney('JPY', 1_234_567)).toBe('JPY 1,234,567');
    expect(formatMoney('KWD', 1_000)).toBe('KWD 1');
    expect(formatMoney('TWD', 100)).toBe('NT$1');
  });

  it('knows the minor-unit exponent of every listed currency', () => {
    for (const currency of ['JPY', 'KRW', 'VND', 'IDR', 'CLP', 'ISK', 'UGX'])
      expect(currencyExponent(currency)).toBe(0);
    for (const currency of ['BHD', 'KWD', 'OMR', 'JOD', 'TND']) expect(currencyExponent(currency)).toBe(3);
    expect(currencyExponent('USD')).toBe(2);
  });

  it('writes rates to the basis point and dates as each language does', () => {
    expect([0, 100, 105, 1234].map(formatRate)).toEqual(['0%', '1%', '1.05%', '12.34%']);
    expect(formatDate('2024-02-01', 'zh-TW')).toBe('2024/2/1');
    expect(formatDate('2024-12-31', 'zh-TW')).toBe('2024/12/31');
    expect(formatDate('2024-02-01', 'en')).toBe('2024-02-01');
  });
});
