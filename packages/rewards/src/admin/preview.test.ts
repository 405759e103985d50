import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { computeEarning } from '../earning/engine.ts';
import { explainLine } from '../earning/explain.ts';
import { selectionDate } from '../earning/selection.ts';
import type { CardState, EarningTransaction } from '../earning/types.ts';
import { planVersionOn } from '../program/lookup.ts';
import { type RewardsTestBed, startRewards } from './test-support.ts';

interface Spec {
  merchant: string;
  mcc?: string;
  ntd: number;
  at: [string, string];
  installments?: { count: number; index: number };
}

function body(
  spec: Spec,
  card: { level: number; birthMonth: number | null; flags?: Record<string, string> },
) {
  const [date, time] = spec.at;
  return {
    transaction: {
      amount: spec.ntd * 100,
      currency: 'TWD',
      billedAmountTwd: spec.ntd * 100,
      merchant: { id: spec.merchant, name: spec.merchant, mcc: spec.mcc ?? '5999', country: 'TW' },
      transactionAt: `${date}T${time}:00+08:00`,
      ...(spec.installments ? { installments: spec.installments } : {}),
    },
    card,
  };
}

describe.each(testDatabases())('the admin preview ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    bed = await startRewards(target);
  });
  afterAll(async () => bed?.server.close());

  async function preview(
    spec: Spec,
    card: { level: number; birthMonth: number | null; flags?: Record<string, string> },
  ) {
    const response = await bed.asAdmin('POST', '/api/rewards/v1/admin/preview', body(spec, card));
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      selectionDate: string;
      withoutPlan: { totalPoints: number };
      items: {
        planId: string;
        versionId: string;
        totalPoints: number;
        lines: { kind: string; points: number; explanation: Record<string, string> }[];
      }[];
    };
  }

  /** The engine run directly, as the ledger will: the preview must say the same, plan by plan. */
  function engineTotals(spec: Spec, card: CardState): Record<string, number> {
    const program = bed.services.programs.current();
    const [date, time] = spec.at;
    const at = taipeiInstant(date, time);
    const tx: EarningTransaction = {
      id: 'engine',
      amountMinor: spec.ntd * 100,
      currency: 'TWD',
      billedAmountTwdMinor: spec.ntd * 100,
      merchant: {
        id: spec.merchant,
        name: spec.merchant,
        mcc: spec.mcc ?? '5999',
        country: 'TW',
        presence: 'in_person',
      },
      transactionAt: at,
      settledAt: at,
      ...(spec.installments ? { installments: spec.installments } : {}),
    };
    const day = selectionDate(program.settings, tx);
    const totals: Record<string, number> = {};
    for (const plan of program.plans) {
      const planVersion = planVersionOn(plan, day);
      if (!planVersion) continue;
      totals[plan.id] = computeEarning({
        transaction: tx,
        planVersion,
        card,
        capsUsed: {},
        settings: program.settings,
      }).totalPoints;
    }
    return totals;
  }
  const totalsOf = (items: { planId: string; totalPoints: number }[]) =>
    Object.fromEntries(items.map((i) => [i.planId, i.totalPoints]));

  it('NT$1,000 on 玩數位 at Level 2 → 30 points, and every plan agrees with the engine', async () => {
    // Issue 3's acceptance example; 2026 rates: Level 2 = 3% on 玩數位's channels (§1.4).
    const spec: Spec = { merchant: 'netflix', ntd: 1000, at: ['2026-03-10', '12:00'] };
    const result = await preview(spec, { level: 2, birthMonth: null });
    expect(result.selectionDate).toBe('2026-03-10');
    const digital = result.items.find((i) => i.planId === 'digital');
    expect(digital).toMatchObject({ versionId: 'digital-2026h1', totalPoints: 30 });
    expect(digital?.lines.map((l) => [l.kind, l.points])).toEqual([
      ['general', 3],
      ['bonus', 27],
    ]);
    expect(digital?.lines[1]?.explanation.en).toContain('Level 2');
    expect(digital?.lines[1]?.explanation['zh-TW']).toContain('玩數位');
    // Outside 玩數位's channels the other plans pay the general 0.3%: NT$1,000 → 3.
    expect(totalsOf(result.items)).toEqual({ digital: 30, dining: 3, travel: 3, everyday: 3 });
    expect(totalsOf(result.items)).toEqual(
      engineTotals(spec, { level: 2, birthMonth: null, eligibleFrom: {} }),
    );
    expect(result.withoutPlan.totalPoints).toBe(3);
    // Level 1 earns 2%, Level 3 3.3% (§1.4).
    expect(totalsOf((await preview(spec, { level: 1, birthMonth: null })).items).digital).toBe(20);
    expect(totalsOf((await preview(spec, { level: 3, birthMonth: null })).items).digital).toBe(33);
  });

  it('NT$3,000 at 新光三越 in February 2024 → 90 points under 2024’s flat 3%; the installment next to it → 6', async () => {
    // The bank's own 2024-02-15 examples (§1.8 A1, A2): 3% one-off, installments earn 0.3% per billed NT$2,000.
    const oneOff: Spec = { merchant: 'shin-kong-mitsukoshi', ntd: 3000, at: ['2024-02-15', '18:00'] };
    const result = await preview(oneOff, { level: 1, birthMonth: null });
    const dining = result.items.find((i) => i.planId === 'dining');
    expect(dining).toMatchObject({ versionId: 'dining-2024', totalPoints: 90 });
    // 2024 had no levels: Level 1 earns the same 3%.
    expect(totalsOf(result.items)).toEqual(
      engineTotals(oneOff, { level: 1, birthMonth: null, eligibleFrom: {} }),
    );
    const installment: Spec = {
      merchant: 'far-eastern-sogo',
      ntd: 2000,
      at: ['2024-02-15', '15:30'],
      installments: { count: 3, index: 1 },
    };
    const split = await preview(installment, { level: 1, birthMonth: null });
    expect(totalsOf(split.items).dining).toBe(6);
    expect(split.items.find((i) => i.planId === 'dining')?.lines).toHaveLength(1);
  });

  it('the birthday and kids plans pay only when the card state meets their eligibility', async () => {
    // 慶生月 2025/7/1–9/30: 10% at PlayStation (§1.4), only in the holder's birth month.
    const spec: Spec = { merchant: 'playstation', ntd: 1000, at: ['2025-08-10', '12:00'] };
    const inMonth = await preview(spec, { level: 1, birthMonth: 8 });
    expect(totalsOf(inMonth.items).birthday).toBe(100);
    const outside = await preview(spec, { level: 1, birthMonth: 9 });
    expect(totalsOf(outside.items).birthday).toBe(3);
    expect(outside.items.find((i) => i.planId === 'birthday')?.lines[0]?.explanation.en).toContain('birth');
    // 童樂匯 from the flag's date: toy shop MCC 5945 at 10%.
    const toys: Spec = { merchant: 'toy-shop', mcc: '5945', ntd: 1000, at: ['2025-09-01', '12:00'] };
    expect(
      totalsOf((await preview(toys, { level: 1, birthMonth: null, flags: { kids: '2025-09-01' } })).items)
        .kids,
    ).toBe(100);
    expect(
      totalsOf((await preview(toys, { level: 1, birthMonth: null, flags: { kids: '2025-10-01' } })).items)
        .kids,
    ).toBe(3);
    const card: CardState = { level: 1, birthMonth: null, eligibleFrom: { kids: '2025-09-01' } };
    const agreed = await preview(toys, { level: 1, birthMonth: null, flags: { kids: '2025-09-01' } });
    expect(totalsOf(agreed.items)).toEqual(engineTotals(toys, card));
  });

  it('the explanations are the engine’s own sentences', async () => {
    const spec: Spec = { merchant: 'netflix', ntd: 250, at: ['2026-03-10', '12:00'] };
    const result = await preview(spec, { level: 2, birthMonth: null });
    const general = result.items.find((i) => i.planId === 'dining')?.lines[0];
    const program = bed.services.programs.current();
    const earning = computeEarning({
      transaction: {
        id: 'x',
        amountMinor: 25000,
        currency: 'TWD',
        billedAmountTwdMinor: 25000,
        merchant: { id: 'netflix', name: 'netflix', mcc: '5999', country: 'TW', presence: 'in_person' },
        transactionAt: taipeiInstant('2026-03-10', '12:00'),
        settledAt: taipeiInstant('2026-03-10', '12:00'),
      },
      planVersion: program.plans[1]?.versions.find((v) => v.id === 'dining-2026h1'),
      card: { level: 2, birthMonth: null, eligibleFrom: {} },
      capsUsed: {},
      settings: program.settings,
    });
    const line = earning.lines[0];
    expect(line && general?.explanation).toEqual({
      'zh-TW': line && explainLine(line, 'zh-TW'),
      en: line && explainLine(line, 'en'),
    });
    expect(general?.points).toBe(1); // NT$250 × 0.3% = 0.75 → 1
  });

  it('refuses a malformed transaction with a 400 and the field at fault', async () => {
    const good = body(
      { merchant: 'netflix', ntd: 1000, at: ['2026-03-10', '12:00'] },
      { level: 2, birthMonth: null },
    );
    const bad = [
      { ...good, transaction: { ...good.transaction, transactionAt: '2026-03-10 12:00' } },
      { ...good, transaction: { ...good.transaction, amount: -1 } },
      { ...good, transaction: { ...good.transaction, currency: 'twd' } },
      { ...good, card: { ...good.card, level: 4 } },
      { ...good, extra: 1 },
      { ...good, transaction: { ...good.transaction, installments: { count: 2, index: 3 } } },
    ];
    for (const payload of bad) {
      const response = await bed.asAdmin('POST', '/api/rewards/v1/admin/preview', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
