import { bearer, createTestServer, type TestServer, testDatabases } from '@plaza/kernel/testing';
import { type RewardsServices, rewardsProduct, taipeiInstant } from '@plaza/rewards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRewardsDemoPlan } from './rewards-plan.ts';
import { type RewardsSeedSummary, seedRewardsDemo } from './rewards-seed.ts';
import { DEMO_PASSWORD } from './run.ts';
import { manualSeedClock } from './seed-clock.ts';

const NOW = taipeiInstant('2026-11-20', '14:00');

describe('the rewards demo plan', () => {
  const plan = buildRewardsDemoPlan(NOW);
  const events = plan.steps.flatMap((s) => (s.kind === 'events' ? s.events : []));

  it('is the same every time, in time order, and entirely in the past', () => {
    expect(buildRewardsDemoPlan(NOW)).toEqual(plan);
    const times = plan.steps.map((s) => s.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(NOW);
  });

  it('holds a few hundred network events of every kind the card app shows', () => {
    const count = (type: string) => events.filter((e) => e.event.type === type).length;
    expect(count('settlement')).toBeGreaterThanOrEqual(250);
    expect(count('refund')).toBeGreaterThanOrEqual(3);
    expect(count('authorization')).toBeGreaterThanOrEqual(50);
    expect(events.some((e) => e.event.installments)).toBe(true);
    expect(events.some((e) => e.event.currency !== 'TWD')).toBe(true);
    expect(events.some((e) => e.event.currency === 'TWD' && e.event.merchant?.country !== 'TW')).toBe(true);
    expect(new Set(events.map((e) => e.event.id)).size).toBe(events.length);
    const days = new Set(events.map((e) => e.event.transactionAt.slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(50);
  });

  it('gives one card a supplementary card and switches plans over the months', () => {
    expect(plan.cards.filter((c) => c.primary)).toHaveLength(1);
    expect(new Set(plan.cards.map((c) => c.level))).toEqual(new Set([1, 2, 3]));
    const switches = plan.steps.filter((s) => s.kind === 'switch');
    expect(switches.length).toBeGreaterThan(plan.cards.length);
  });
});

describe.each(testDatabases())('seeding the rewards demo ($name)', (target) => {
  let server: TestServer;
  let services: RewardsServices;
  let summary: RewardsSeedSummary;

  beforeAll(async () => {
    server = await createTestServer(target, [rewardsProduct({ onReady: (s) => (services = s) })]);
    server.clock.set(NOW);
    await server.platform.auth.ensureAdmin(server.platform.config.adminHandle, 'bank-admin-password');
    // The community seed creates these accounts; here they are made directly.
    for (const card of buildRewardsDemoPlan(NOW).cards) {
      await server.platform.auth.createAccount({
        handle: card.holder,
        email: `${card.holder}@demo.test`,
        password: DEMO_PASSWORD,
        language: 'zh-TW',
      });
    }
    summary = await seedRewardsDemo({
      platform: server.platform,
      clock: manualSeedClock(server.clock),
      services,
    });
  }, 120_000);
  afterAll(async () => server?.close());

  const signIn = async (handle: string) => (await server.platform.auth.logIn(handle, DEMO_PASSWORD)).token;

  it('issues the cards and ingests every event through the real ingestor, none refused', () => {
    expect(summary).toMatchObject({ cards: 6, statusChanges: 2, rejected: 0 });
    expect(summary.events).toBeGreaterThanOrEqual(300);
    expect(summary.applied).toBeGreaterThan(summary.events * 0.9);
    expect(summary.holders.find((h) => h.supplementaryOf)).toEqual({
      handle: 'kevin_runs_tw',
      last4: '7731',
      level: 3,
      supplementaryOf: 'island_diary_tw',
    });
  });

  it('shows a holder transactions with points, points pending and available, and a plan history', async () => {
    expect(server.clock.nowMs()).toBe(NOW);
    const token = await signIn('ade_eats_taipei');
    const cards = await server.app.inject({ url: '/api/rewards/v1/cards', headers: bearer(token) });
    expect(cards.statusCode, cards.body).toBe(200);
    const [card] = cards.json().items as { id: string }[];
    const get = async (url: string) => {
      const response = await server.app.inject({ url, headers: bearer(token) });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const points = await get(`/api/rewards/v1/cards/${card!.id}/points`);
    expect(points.pending).toBeGreaterThan(0);
    expect(points.available).toBeGreaterThan(0);
    const transactions = await get(`/api/rewards/v1/cards/${card!.id}/transactions?limit=50`);
    expect(transactions.items.length).toBeGreaterThanOrEqual(20);
    const history = await get(`/api/rewards/v1/cards/${card!.id}/plan-history`);
    expect(history.items.map((s: { planId: string }) => s.planId)).toEqual(['dining', 'travel', 'dining']);
  });
});
