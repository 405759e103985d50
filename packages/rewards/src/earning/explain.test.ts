import { describe, expect, it } from 'vitest';
import { CUBE_PROGRAM } from '../program/cube-program.ts';
import { explainLine, explainLines, explainTotal } from './explain.ts';
import { formatMoney, formatRate, formatTwd } from './format.ts';
import { clawbackLines } from './refund.ts';
import { cardState, earn, holding, ntd, transaction, withCaps, withSettings } from './test-helpers.ts';

const SKM = { merchant: 'shin-kong-mitsukoshi', mcc: '5311' } as const;

describe('explanations', () => {
  it('explains the 新光三越 example line by line in zh-TW and en', () => {
    const { lines } = earn(
      CUBE_PROGRAM,
      holding('dining'),
      transaction({ on: '2024-02-15', ...SKM, ntd: 3000 }),
    );
    expect(explainLines(lines, 'zh-TW')).toEqual([
      '一般消費回饋 0.3%：NT$3,000 × 0.3% = 9 點；本筆交易合計 90 點，整筆四捨五入為 90 點，本項得 9 點。',
      '樂饗購「指定百貨」回饋 3%（含一般消費 0.3%），加碼 2.7%：NT$3,000 × 2.7% = 81 點；本筆交易合計 90 點，整筆四捨五入為 90 點，本項得 81 點。',
    ]);
    expect(explainLine(lines[1]!, 'en')).toBe(
      'Dining & Shopping · Listed department stores pays 3% (including the general 0.3%), so the bonus is 2.7%: NT$3,000 × 2.7% = 81 points; the transaction’s exact 90 points round half-up once to 90, 81 of them on this line.',
    );
  });

  it('shows each line’s exact value and the transaction’s total rounded once (NT$150 at 3%: 4.5 → 5)', () => {
    const { lines } = earn(
      CUBE_PROGRAM,
      holding('dining'),
      transaction({ on: '2024-03-01', ...SKM, ntd: 150 }),
    );
    expect(explainLines(lines, 'en')).toEqual([
      'General rate 0.3%: NT$150 × 0.3% = 0.45 points; the transaction’s exact 4.5 points round half-up once to 5, 1 of them on this line (each line keeps its whole points; the point the rounding adds goes to the largest fraction).',
      'Dining & Shopping · Listed department stores pays 3% (including the general 0.3%), so the bonus is 2.7%: NT$150 × 2.7% = 4.05 points; the transaction’s exact 4.5 points round half-up once to 5, 4 of them on this line.',
    ]);
    expect(explainLine(lines[0]!, 'zh-TW')).toBe(
      '一般消費回饋 0.3%：NT$150 × 0.3% = 0.45 點；本筆交易合計 4.5 點，整筆四捨五入為 5 點，本項得 1 點（各項先取整數，進位的點數給小數較大的項目）。',
    );
    expect(explainTotal(lines, 'zh-TW')).toBe('本筆合計：0.45 + 4.05 = 4.5 點，四捨五入為 5 點。');
    expect(explainTotal(lines, 'en')).toBe(
      'Transaction total: 0.45 + 4.05 = 4.5 points, rounded half-up to 5.',
    );
    const perLine = earn(
      withSettings({ rounding: 'line' }),
      holding('dining'),
      transaction({ on: '2024-03-01', ...SKM, ntd: 150 }),
    );
    expect(explainLine(perLine.lines[1]!, 'en')).toContain('= 4.05 points, rounded half-up to 4.');
    expect(explainTotal(perLine.lines, 'en')).toBe(
      'Transaction total: 0 + 4 = 4 points (each line rounded on its own).',
    );
  });

  it('says why an installment earns the general rate only', () => {
    const tx = transaction({
      on: '2024-02-15',
      merchant: 'far-eastern-sogo',
      ntd: 2000,
      amountMinor: ntd(6000),
      installments: { count: 3, index: 1 },
    });
    const [general] = earn(CUBE_PROGRAM, holding('dining'), tx).lines;
    expect(explainLine(general!, 'zh-TW')).toBe(
      '一般消費回饋 0.3%：NT$2,000 × 0.3% = 6 點；自 2024/2/1 起分期付款消費僅享一般消費回饋；分期第 1/3 期，以本期入帳金額計算；本筆交易合計 6 點，整筆四捨五入為 6 點，本項得 6 點。',
    );
    expect(explainLine(general!, 'en')).toContain(
      'since 2024-02-01 installment purchases earn the general rate only',
    );
  });

  it('shows the rounding, the level and the foreign amount', () => {
    const tx = transaction({
      on: '2026-04-02',
      merchant: 'tokyo-ramen',
      country: 'JP',
      currency: 'JPY',
      amountMinor: 10000,
      ntd: 2130,
    });
    const [general, bonus] = earn(CUBE_PROGRAM, holding('travel'), tx).lines;
    expect(explainLine(general!, 'en')).toBe(
      'General rate 0.3%: NT$2,130 × 0.3% = 6.39 points; foreign transaction (JPY 10,000, merchant in JP), computed on the billed NT$2,130; the transaction’s exact 63.9 points round half-up once to 64, 6 of them on this line.',
    );
    expect(explainLine(bonus!, 'zh-TW')).toContain(
      'NT$2,130 × 2.7% = 57.51 點；依卡友 Level 2 的回饋率；海外交易（JPY 10,000，商店所在地 JP），以臺幣入帳金額 NT$2,130 計算；本筆交易合計 63.9 點，整筆四捨五入為 64 點，本項得 58 點（各項先取整數',
    );
  });

  it('names the cap, what was used and what is left', () => {
    const program = withCaps('dining-2026h1', [
      { id: 'm', scope: { kind: 'plan' }, period: 'month', limitPoints: 500 },
    ]);
    const tx = transaction({ on: '2026-03-10', ...SKM, ntd: 3000 });
    const [, bonus] = earn(program, holding('dining'), tx, cardState(), { 'dining:m@2026-03': 450 }).lines;
    expect(explainLine(bonus!, 'zh-TW')).toContain(
      '本方案每月上限 500 點，本筆前已用 450 點，本筆後剩餘 0 點；受上限限制，本項以 50 點計（原為 81 點）；本筆交易合計 59 點，整筆四捨五入為 59 點，本項得 50 點。',
    );
    expect(explainLine(bonus!, 'en')).toContain(
      'plan monthly cap 500 points: 450 used before, 0 left after; the caps hold this line to 50 of its 81 points',
    );
    const perLine = withSettings({ rounding: 'line' }, program);
    const [, lineBonus] = earn(perLine, holding('dining'), tx, cardState(), {
      'dining:m@2026-03': 450,
    }).lines;
    expect(explainLine(lineBonus!, 'zh-TW')).toContain('超過上限的 31 點不回饋，實得加碼 50 點。');
  });

  it('explains skipped bonuses and clawbacks', () => {
    const tx = transaction({ on: '2025-07-18', merchant: 'playstation', ntd: 2000 });
    const [general] = earn(CUBE_PROGRAM, holding('birthday'), tx, cardState({ birthMonth: 8 })).lines;
    expect(explainLine(general!, 'zh-TW')).toContain('慶生月僅限生日當月消費');

    const sale = earn(CUBE_PROGRAM, holding('dining'), transaction({ on: '2024-02-15', ...SKM, ntd: 3000 }));
    const share = {
      currency: 'TWD',
      originalAmountMinor: ntd(3000),
      refundMinor: ntd(1000),
      refundedBeforeMinor: 0,
    };
    const [, bonusBack] = clawbackLines(sale.lines, share);
    expect(explainLine(bonusBack!, 'en')).toBe(
      'Refund of NT$1,000 (original NT$3,000): takes back bonus points 81 × NT$1,000 ÷ NT$3,000 = 27, so 27 points; the transaction earned 90 points; this refund’s share is 30, rounded half-up on the running total of refunds to 30, shared over the lines by their points.',
    );
    expect(explainLine(bonusBack!, 'zh-TW')).toContain(
      '整筆交易原得 90 點，本次按比例為 30 點，依累計退款四捨五入收回 30 點，再依各項點數分攤',
    );
  });
});

describe('formatting', () => {
  it('formats money and rates without floats', () => {
    expect(formatTwd(25050)).toBe('NT$250.50');
    expect(formatTwd(100_000_000)).toBe('NT$1,000,000');
    expect(formatMoney('USD', 5)).toBe('USD 0.05');
    expect(formatMoney('KWD', 1234)).toBe('KWD 1.234');
    expect([30, 270, 330, 1000, 5].map(formatRate)).toEqual(['0.3%', '2.7%', '3.3%', '10%', '0.05%']);
  });
});
