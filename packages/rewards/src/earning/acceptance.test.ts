import { describe, expect, it } from 'vitest';
import { CUBE_PROGRAM } from '../program/cube-program.ts';
import type { Program } from '../program/types.ts';
import { clawbackLines } from './refund.ts';
import type { PlanSelection } from './selection.ts';
import {
  cardState,
  earn,
  holding,
  ntd,
  type TxSpec,
  transaction,
  withCaps,
  withSettings,
} from './test-helpers.ts';
import type { BonusSkip, CapUsage, CardState } from './types.ts';

/**
 * Acceptance examples for the pure engine. "§" points into
 * the CUBE research notes (rewards-anchors; moving into docs/rewards-rules.md with issue 12); "issue 3" is the issue's own example list.
 */
interface Example {
  readonly name: string;
  readonly history: readonly PlanSelection[];
  readonly tx: TxSpec;
  readonly card?: Partial<CardState>;
  readonly capsUsed?: CapUsage;
  readonly program?: Program;
  /** Refunds in NT$, one after another. */
  readonly refunds?: readonly number[];
  readonly expected: {
    /** Points per line: general, then bonus when there is one. */
    readonly lines: readonly number[];
    readonly version?: string;
    readonly channel?: string;
    readonly skip?: BonusSkip['code'];
    readonly foreign?: boolean;
    /** Points left after the refunds. */
    readonly remaining?: number;
  };
}

const DINING_CAPPED = withCaps('dining-2026h1', [
  { id: 'dining-monthly', scope: { kind: 'plan' }, period: 'month', limitPoints: 500 },
  {
    id: 'delivery-monthly',
    scope: { kind: 'channel', channelId: 'dining.delivery' },
    period: 'month',
    limitPoints: 100,
  },
]);
const SWITCHED_ON_15TH: PlanSelection[] = [
  { planId: 'dining', effectiveFrom: '2026-03-01' },
  { planId: 'digital', effectiveFrom: '2026-03-15' },
];
const SOGO = { merchant: 'far-eastern-sogo', mcc: '5311' } as const;
const SKM = { merchant: 'shin-kong-mitsukoshi', mcc: '5311' } as const;
const NETFLIX = { merchant: 'netflix', mcc: '4899', presence: 'online' } as const;

const EXAMPLES: readonly Example[] = [
  // Issue 3 / §1.8 A1, the bank's own example: installments since 2024-02-01 earn 0.3% only;
  // per billed installment, NT$2,000 × 0.3% = 6.
  {
    name: 'A1 2024-02-15 樂饗購 SOGO NT$6,000 in 3 installments earns 6 on the first billed NT$2,000',
    history: holding('dining'),
    tx: {
      on: '2024-02-15',
      at: '15:30',
      ...SOGO,
      ntd: 2000,
      amountMinor: ntd(6000),
      installments: { count: 3, index: 1 },
    },
    expected: { lines: [6], skip: 'installment_general_only' },
  },
  // Issue 3 / §1.8 A2, the bank's example: 3% total = 0.3% general (9) + 2.7% bonus (81).
  {
    name: 'A2 2024-02-15 18:00 樂饗購 新光三越 NT$3,000 at once earns 90',
    history: holding('dining'),
    tx: { on: '2024-02-15', at: '18:00', ...SKM, ntd: 3000 },
    expected: { lines: [9, 81], version: 'dining-2024', channel: 'dining.department-stores' },
  },
  // Issue 3 / §1.8 A3: 250 × 0.3% = 0.75, half-up → 1.
  {
    name: 'A3 NT$250 general spending earns 1 (0.75 rounds up)',
    history: holding('dining'),
    tx: { on: '2026-03-10', merchant: 'hardware-store', mcc: '5251', ntd: 250 },
    expected: { lines: [1], skip: 'no_channel' },
  },
  // Issue 3 / §1.8 A3: 150 × 0.3% = 0.45, half-up → 0 ("未滿1點不回饋", §1.8 A7).
  {
    name: 'A3 NT$150 general spending earns 0 (0.45 rounds down)',
    history: holding('dining'),
    tx: { on: '2026-03-10', merchant: 'hardware-store', mcc: '5251', ntd: 150 },
    expected: { lines: [0], skip: 'no_channel' },
  },
  // Issue 3 / §1.8 A3: Level 2 = 3% total → 3 + 27.
  {
    name: 'A3 NT$1,000 on 玩數位 at Level 2 earns 30',
    history: holding('digital'),
    tx: { on: '2026-03-10', ...NETFLIX, ntd: 1000 },
    expected: { lines: [3, 27], version: 'digital-2026h1', channel: 'digital.streaming' },
  },
  // §1.4 權益分級: Level 1 = 2% → 3 + 17.
  {
    name: '玩數位 at Level 1 earns 2%: NT$1,000 → 20',
    history: holding('digital'),
    tx: { on: '2026-03-10', ...NETFLIX, ntd: 1000 },
    card: { level: 1 },
    expected: { lines: [3, 17] },
  },
  // §1.4 權益分級: Level 3 = 3.3% → 3 + 30.
  {
    name: '玩數位 at Level 3 earns 3.3%: NT$1,000 → 33',
    history: holding('digital'),
    tx: { on: '2026-03-10', ...NETFLIX, ntd: 1000 },
    card: { level: 3 },
    expected: { lines: [3, 30] },
  },
  // §1.4: 集精選 is a flat 2%, not tiered, so Level 3 earns 2% too.
  {
    name: '集精選 pays a flat 2% even at Level 3: 全聯 in store NT$1,000 → 20',
    history: holding('everyday'),
    tx: { on: '2026-03-10', merchant: 'pxmart', mcc: '5411', ntd: 1000 },
    card: { level: 3 },
    expected: { lines: [3, 17], channel: 'everyday.supermarkets' },
  },
  // §1.4: 全聯 counts in store (實體) only, so its online shop is general spending.
  {
    name: '集精選 全聯 online is not the in-store channel: NT$1,000 → 3',
    history: holding('everyday'),
    tx: { on: '2026-03-10', merchant: 'pxmart', mcc: '5411', presence: 'online', ntd: 1000 },
    expected: { lines: [3], skip: 'no_channel' },
  },
  // Issue 3 / §1.3: the transaction date (消費日) picks the plan; the switch on the 15th
  // does not reach back to the 14th even though settlement comes on the 16th.
  {
    name: 'a transaction on the 14th under 樂饗購, settled the 16th after a switch to 玩數位 on the 15th, earns by 樂饗購',
    history: SWITCHED_ON_15TH,
    tx: { on: '2026-03-14', at: '20:00', settledOn: '2026-03-16', ...SKM, ntd: 3000 },
    expected: { lines: [9, 81], version: 'dining-2026h1' },
  },
  // §1.3 contrast (O-Bank): with the settlement-date setting the same transaction earns by the
  // plan on the 16th, 玩數位, where a department store is general spending.
  {
    name: 'settlement-date program: the same transaction earns by the plan of the settlement day',
    history: SWITCHED_ON_15TH,
    program: withSettings({ planSelectionDate: 'settlement' }),
    tx: { on: '2026-03-14', at: '20:00', settledOn: '2026-03-16', ...SKM, ntd: 3000 },
    expected: { lines: [9], skip: 'no_channel' },
  },
  // §1.4: 2024 versions paid a flat 3% with no levels, so Level 1 still earns 30 in 2024.
  {
    name: '2024 玩數位 version pays a flat 3% whatever the level: Level 1 NT$1,000 → 30',
    history: holding('digital'),
    tx: { on: '2024-05-01', ...NETFLIX, ntd: 1000 },
    card: { level: 1 },
    expected: { lines: [3, 27], version: 'digital-2024' },
  },
  // Same card, merchant and amount in 2026: the level-based version applies, Level 1 = 2%.
  {
    name: '2026 玩數位 version pays by level: the same Level 1 purchase → 20',
    history: holding('digital'),
    tx: { on: '2026-05-01', ...NETFLIX, ntd: 1000 },
    card: { level: 1 },
    expected: { lines: [3, 17], version: 'digital-2026h1' },
  },
  // Windows are Taipei dates: 23:59 on 6/30 in Taipei is 15:59 UTC, still the first half.
  {
    name: 'a purchase at 23:59 Taipei on 2026-06-30 uses the 2026/1/1~6/30 version',
    history: holding('digital'),
    tx: { on: '2026-06-30', at: '23:59', ...NETFLIX, ntd: 1000 },
    expected: { lines: [3, 27], version: 'digital-2026h1' },
  },
  // 00:00 Taipei on 7/1 is 16:00 UTC on 6/30: a UTC-date lookup would pick the wrong version.
  {
    name: 'a purchase at 00:00 Taipei on 2026-07-01 uses the second-half version',
    history: holding('digital'),
    tx: { on: '2026-07-01', at: '00:00', ...NETFLIX, ntd: 1000 },
    expected: { lines: [3, 27], version: 'digital-2026h2' },
  },
  // §1.7: foreign amounts earn on the TWD billed amount. 2,130 × 0.3% = 6.39 → 6 and
  // 2,130 × 2.7% = 57.51 → 58: per-line rounding gives 64 where 63.9 would round to 64 too.
  {
    name: 'foreign currency: JPY 10,000 in a Tokyo shop billed NT$2,130 on 趣旅行 Level 2 → 64',
    history: holding('travel'),
    tx: {
      on: '2026-04-02',
      merchant: 'tokyo-ramen',
      mcc: '5812',
      country: 'JP',
      currency: 'JPY',
      amountMinor: 10000,
      ntd: 2130,
    },
    expected: { lines: [6, 58], channel: 'travel.overseas-in-person', foreign: true },
  },
  // §1.7: NTD at an overseas merchant is foreign too; Agoda is a listed 趣旅行 site (§1.4).
  {
    name: 'TWD at an overseas merchant is foreign: Agoda (SG) NT$5,000 on 趣旅行 → 150',
    history: holding('travel'),
    tx: { on: '2026-04-02', merchant: 'agoda', mcc: '7011', country: 'SG', presence: 'online', ntd: 5000 },
    expected: { lines: [15, 135], channel: 'travel.booking', foreign: true },
  },
  // §1.4: the travel rule is "海外實體消費" — overseas AND in person; an overseas web shop is not.
  {
    name: 'overseas online at an unlisted shop is not overseas in-person: USD 30 billed NT$975 → 3',
    history: holding('travel'),
    tx: {
      on: '2026-04-02',
      merchant: 'us-web-shop',
      country: 'US',
      currency: 'USD',
      amountMinor: 3000,
      presence: 'online',
      ntd: 975,
    },
    expected: { lines: [3], skip: 'no_channel', foreign: true },
  },
  // §1.4: any overseas in-person spending is a 趣旅行 channel; Level 3 = 3.3% → 30 + 300.
  {
    name: 'overseas in-person rule: a Seoul department store billed NT$10,000 at Level 3 → 330',
    history: holding('travel'),
    tx: {
      on: '2026-04-03',
      merchant: 'lotte-seoul',
      mcc: '5311',
      country: 'KR',
      currency: 'KRW',
      amountMinor: 430000,
      ntd: 10000,
    },
    card: { level: 3 },
    expected: { lines: [30, 300], channel: 'travel.overseas-in-person' },
  },
  // §1.4/§4: 國內餐飲 is MCC 5811–5814 in Taiwan; an unlisted restaurant matches by MCC.
  // 1,200 × 0.3% = 3.6 → 4; 1,200 × 2.7% = 32.4 → 32.
  {
    name: 'MCC channel: an unlisted Taipei restaurant (5812) NT$1,200 on 樂饗購 → 36',
    history: holding('dining'),
    tx: { on: '2026-03-10', merchant: 'din-tai-fung-xinyi', mcc: '5812', ntd: 1200 },
    expected: { lines: [4, 32], channel: 'dining.domestic-dining' },
  },
  // The same MCC abroad is not "國內" dining, and 樂饗購 has no overseas rule.
  {
    name: 'MCC 5812 in Osaka is not domestic dining: NT$1,200 on 樂饗購 → 4',
    history: holding('dining'),
    tx: {
      on: '2026-03-10',
      merchant: 'osaka-okonomiyaki',
      mcc: '5812',
      country: 'JP',
      currency: 'JPY',
      amountMinor: 5600,
      ntd: 1200,
    },
    expected: { lines: [4], skip: 'no_channel', foreign: true },
  },
  // §1.4: 慶生月 2025/7/1–9/30, PlayStation at 10%; birth month July → 6 + 194.
  {
    name: 'birthday month: 慶生月 in the birth month, PlayStation NT$2,000 at 10% → 200',
    history: holding('birthday'),
    tx: { on: '2025-07-18', merchant: 'playstation', mcc: '5816', presence: 'online', ntd: 2000 },
    card: { birthMonth: 7 },
    expected: { lines: [6, 194], version: 'birthday-2025q3', channel: 'birthday.ten-percent' },
  },
  // §1.4: 慶生月 pays only in the holder's birth month.
  {
    name: 'birthday month: 慶生月 outside the birth month earns the general rate only → 6',
    history: holding('birthday'),
    tx: { on: '2025-07-18', merchant: 'playstation', mcc: '5816', presence: 'online', ntd: 2000 },
    card: { birthMonth: 8 },
    expected: { lines: [6], skip: 'not_birth_month' },
  },
  // §1.4: 童樂匯 eligibility counts from the 1st of the next month.
  {
    name: '童樂匯 before the eligibility date earns the general rate only',
    history: holding('kids'),
    tx: { on: '2025-08-20', merchant: 'toys-r-us', mcc: '5945', ntd: 1000 },
    card: { eligibleFrom: { kids: '2025-09-01' } },
    expected: { lines: [3], skip: 'not_eligible' },
  },
  // §1.4: 童樂匯 10% tier (channel list is a placeholder, see cube-channels.ts) → 3 + 97.
  {
    name: '童樂匯 once eligible: a toy shop NT$1,000 at 10% → 100',
    history: holding('kids'),
    tx: { on: '2025-09-10', merchant: 'toys-r-us', mcc: '5945', ntd: 1000 },
    card: { eligibleFrom: { kids: '2025-09-01' } },
    expected: { lines: [3, 97], channel: 'kids.ten-percent' },
  },
  // Caps (§1.4 campaign caps are per customer per month): 450 of 500 used leaves 50 of the 81.
  {
    name: 'plan cap: 450 of a 500-point monthly cap used, NT$3,000 at 3% → 9 + 50',
    history: holding('dining'),
    program: DINING_CAPPED,
    capsUsed: { 'dining:dining-monthly@2026-03': 450 },
    tx: { on: '2026-03-10', ...SKM, ntd: 3000 },
    expected: { lines: [9, 50] },
  },
  // A channel cap binds before the plan's: Uber Eats NT$5,000 → bonus 135, channel cap 100.
  {
    name: 'channel cap: delivery capped at 100 a month, Uber Eats NT$5,000 → 15 + 100',
    history: holding('dining'),
    program: DINING_CAPPED,
    tx: { on: '2026-03-10', merchant: 'uber-eats', mcc: '5814', presence: 'online', ntd: 5000 },
    expected: { lines: [15, 100], channel: 'dining.delivery' },
  },
  // The general rate is uncapped (§1.4) even when the bonus cap is spent.
  {
    name: 'exhausted cap: the bonus is 0, the general 0.3% still pays → 9',
    history: holding('dining'),
    program: DINING_CAPPED,
    capsUsed: { 'dining:dining-monthly@2026-03': 500 },
    tx: { on: '2026-03-10', ...SKM, ntd: 3000 },
    expected: { lines: [9, 0] },
  },
  // §1.5: the installment rule starts 2024-02-01; before it, the plan rate applied, per
  // billed installment: 2,000 × 0.3% = 6 and × 2.7% = 54.
  {
    name: 'an installment purchase before 2024-02-01 earns the plan rate per billed installment → 60',
    history: holding('dining'),
    tx: {
      on: '2024-01-20',
      ...SOGO,
      ntd: 2000,
      amountMinor: ntd(6000),
      installments: { count: 3, index: 1 },
    },
    expected: { lines: [6, 54] },
  },
  // Issue 3: refunds claw back in proportion: 1/3 of 9 + 81 = 30 back, 60 remain.
  {
    name: 'NT$3,000 at 3% (2024 version) refunded NT$1,000 keeps 60 of its 90 points',
    history: holding('dining'),
    tx: { on: '2024-02-15', at: '18:00', ...SKM, ntd: 3000 },
    refunds: [1000],
    expected: { lines: [9, 81], remaining: 60 },
  },
  // Full refund in two parts: rounding on the running total returns exactly 90.
  {
    name: 'NT$3,000 refunded NT$1,000 then NT$2,000 returns exactly the 90 earned',
    history: holding('dining'),
    tx: { on: '2024-02-15', at: '18:00', ...SKM, ntd: 3000 },
    refunds: [1000, 2000],
    expected: { lines: [9, 81], remaining: 0 },
  },
  // No selection yet: nothing but the general rate, which is on any plan (§1.4).
  {
    name: 'a card with no plan selected earns the general rate only → 9',
    history: [],
    tx: { on: '2026-03-10', ...SKM, ntd: 3000 },
    expected: { lines: [9], skip: 'no_plan' },
  },
  // Issue 3 / issue 10: rounding is per transaction. 150 × 0.3% = 0.45 and 150 × 2.7% = 4.05:
  // 4.5 in all, half-up → 5 (was 0 + 4 = 4 when each line rounded alone). The point the rounding
  // adds goes to the larger fraction, the general line's .45.
  {
    name: 'rounding per transaction: NT$150 at 3% earns 4.5 → 5, as 1 + 4',
    history: holding('dining'),
    tx: { on: '2024-03-01', ...SKM, ntd: 150 },
    expected: { lines: [1, 4] },
  },
  // A program may round each line instead (rounding: 'line'): the same purchase earns 0 + 4.
  {
    name: 'per-line rounding program: NT$150 at 3% earns 0 + 4',
    history: holding('dining'),
    program: withSettings({ rounding: 'line' }),
    tx: { on: '2024-03-01', ...SKM, ntd: 150 },
    expected: { lines: [0, 4] },
  },
  // Issue 10: 趣旅行 Level 2 (3%) NT$3,215 = 9.645 + 86.805 = 96.45 → 96 (per line 10 + 87 = 97).
  {
    name: 'rounding per transaction: 趣旅行 Level 2 NT$3,215 earns 96.45 → 96, as 9 + 87',
    history: holding('travel'),
    tx: { on: '2026-04-02', merchant: 'agoda', mcc: '7011', country: 'SG', presence: 'online', ntd: 3215 },
    expected: { lines: [9, 87], channel: 'travel.booking' },
  },
  {
    name: 'per-line rounding program: the same NT$3,215 earns 10 + 87 = 97',
    history: holding('travel'),
    program: withSettings({ rounding: 'line' }),
    tx: { on: '2026-04-02', merchant: 'agoda', mcc: '7011', country: 'SG', presence: 'online', ntd: 3215 },
    expected: { lines: [10, 87] },
  },
  // Exact halves round up, whatever the whole part's parity: 1.5 → 2 (half-down would give 1) and
  // 4.5 → 5 (half-even would give 4).
  {
    name: 'a tie rounds up: NT$500 general spending at 0.3% = 1.5 → 2',
    history: holding('dining'),
    tx: { on: '2026-03-10', merchant: 'hardware-store', mcc: '5251', ntd: 500 },
    expected: { lines: [2], skip: 'no_channel' },
  },
  {
    name: 'a tie rounds up: NT$1,500 general spending at 0.3% = 4.5 → 5',
    history: holding('dining'),
    tx: { on: '2026-03-10', merchant: 'hardware-store', mcc: '5251', ntd: 1500 },
    expected: { lines: [5], skip: 'no_channel' },
  },
  // Caps apply to the exact value, then the total rounds once: 9.645 + min(86.805, 50) = 59.645
  // → 60; the capped line is a whole 50, so the rounding point goes to the general line.
  {
    name: 'a capped line keeps exactly its cap: NT$3,215 on 樂饗購 with 50 points of cap left → 10 + 50',
    history: holding('dining'),
    program: DINING_CAPPED,
    capsUsed: { 'dining:dining-monthly@2026-03': 450 },
    tx: { on: '2026-03-10', ...SKM, ntd: 3215 },
    expected: { lines: [10, 50] },
  },
  // Refunds round the transaction's clawback once too: 5 × 50/150 = 1.67 → 2, shared 0 + 2 by
  // the lines' points (1 and 4); each line alone would give 0 + 1.
  {
    name: 'NT$150 at 3% (5 points) refunded NT$50 takes back 2, keeps 3',
    history: holding('dining'),
    tx: { on: '2024-03-01', ...SKM, ntd: 150 },
    refunds: [50],
    expected: { lines: [1, 4], remaining: 3 },
  },
  {
    name: 'NT$150 at 3% refunded NT$50, NT$50, NT$50 returns exactly the 5 earned',
    history: holding('dining'),
    tx: { on: '2024-03-01', ...SKM, ntd: 150 },
    refunds: [50, 50, 50],
    expected: { lines: [1, 4], remaining: 0 },
  },
];

function remainingAfter(example: Example, earned: ReturnType<typeof earn>): number {
  let total = earned.totalPoints;
  let before = 0;
  for (const refund of example.refunds ?? []) {
    const share = {
      currency: 'TWD',
      originalAmountMinor: ntd(example.tx.ntd),
      refundMinor: ntd(refund),
      refundedBeforeMinor: before,
    };
    total += clawbackLines(earned.lines, share).reduce((sum, line) => sum + line.points, 0);
    before += ntd(refund);
  }
  return total;
}

describe('acceptance examples', () => {
  it('has at least 20 examples', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(EXAMPLES.map((example) => [example.name, example] as const))('%s', (_name, example) => {
    const program = example.program ?? CUBE_PROGRAM;
    const earned = earn(
      program,
      example.history,
      transaction(example.tx),
      cardState(example.card),
      example.capsUsed,
    );
    const { expected } = example;
    expect(earned.lines.map((line) => line.points)).toEqual(expected.lines);
    expect(earned.totalPoints).toBe(expected.lines.reduce((sum, points) => sum + points, 0));
    const [general, bonus] = earned.lines;
    if (expected.skip) expect(general?.kind === 'general' && general.bonusSkipped?.code).toBe(expected.skip);
    if (expected.version) expect(bonus?.kind === 'bonus' && bonus.plan.versionId).toBe(expected.version);
    if (expected.channel) expect(bonus?.kind === 'bonus' && bonus.channel.id).toBe(expected.channel);
    if (expected.foreign !== undefined) expect(earned.basis.foreign !== null).toBe(expected.foreign);
    if (expected.remaining !== undefined) expect(remainingAfter(example, earned)).toBe(expected.remaining);
  });
});
