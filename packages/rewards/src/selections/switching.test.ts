import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { computeEarning } from '../earning/engine.ts';
import { selectionDate } from '../earning/selection.ts';
import { cardState, transaction } from '../earning/test-helpers.ts';
import { type RewardsServices, rewardsProduct } from '../product.ts';
import { findPlan, planVersionOn } from '../program/lookup.ts';
import { AlreadySwitchedTodayError } from './errors.ts';

describe.each(testDatabases())('plan switching and cards ($name)', (target) => {
  let server: TestServer;
  let services: RewardsServices;
  let admin: { token: string; id: string };
  let seq = 0;

  beforeAll(async () => {
    server = await createTestServer(target, [
      rewardsProduct({
        onReady: (s) => {
          services = s;
        },
      }),
    ]);
    // Every test runs in March 2026 (sessions last 30 days), in date order.
    server.clock.set(taipeiInstant('2026-03-01', '09:00'));
    admin = await signUpForTest(server.app, 'bank_admin');
    await server.platform.auth.setRole(admin.id, 'admin');
  });
  afterAll(async () => server?.close());

  const at = (date: string, time: string) => server.clock.set(taipeiInstant(date, time));

  async function holder(prefix: string) {
    seq += 1;
    const handle = `${prefix}_${seq}`;
    return { handle, ...(await signUpForTest(server.app, handle)) };
  }

  async function issue(holderHandle: string, extra: Record<string, unknown> = {}) {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      headers: bearer(admin.token),
      payload: { holderHandle, last4: '4242', level: 2, birthMonth: null, ...extra },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; token: string; kind: string };
  }

  const switchPlan = (token: string, cardId: string, planId: string) =>
    server.app.inject({
      method: 'PUT',
      url: `/api/rewards/v1/cards/${cardId}/plan`,
      headers: bearer(token),
      payload: { planId },
    });

  const history = async (cardId: string) => services.selections.history(cardId);

  it('a second plan switch by the primary cardholder on the same day is refused; the supplementary card’s transaction that day earns by the primary’s plan', async () => {
    // §1.2 / §1.8 A8: 每正卡人每日限變更一次，附卡適用方案依正卡持卡人設定為準.
    const alice = await holder('alice');
    const bob = await holder('bob');
    at('2026-03-10', '09:00');
    const primary = await issue(alice.handle);
    const supplementary = await issue(bob.handle, { primaryCardId: primary.id });
    expect(supplementary.kind).toBe('supplementary');

    const first = await switchPlan(alice.token, primary.id, 'dining');
    expect(first.statusCode, first.body).toBe(200);
    // The new plan applies from 00:00 Taipei of the switch day.
    expect(first.json()).toMatchObject({
      planId: 'dining',
      taipeiDate: '2026-03-10',
      effectiveFrom: taipeiInstant('2026-03-10'),
      changed: true,
      nextSwitchAt: taipeiInstant('2026-03-11'),
    });

    at('2026-03-10', '15:00');
    const second = await switchPlan(alice.token, primary.id, 'digital');
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('already_switched_today');
    expect(second.json().detail).toContain('2026-03-11 00:00 Asia/Taipei');
    expect((await history(primary.id)).map((s) => s.planId)).toEqual(['dining']);

    // The supplementary card follows the primary's history, for the whole day (from 00:00).
    expect(await services.selections.planOn(supplementary.id, '2026-03-10')).toBe('dining');
    const card = await server.app.inject({
      url: `/api/rewards/v1/cards/${supplementary.id}`,
      headers: bearer(bob.token),
    });
    expect(card.json()).toMatchObject({ currentPlan: { planId: 'dining', versionId: 'dining-2026h1' } });

    // 08:00 at 新光三越, before the 09:00 switch: NT$3,000 at dining Level 2 (3%) → 9 + 81 = 90.
    const { program } = services;
    const tx = transaction({ on: '2026-03-10', at: '08:00', ntd: 3000, merchant: 'shin-kong-mitsukoshi' });
    const date = selectionDate(program.settings, tx);
    const planId = await services.selections.planOn(supplementary.id, date);
    const plan = planId ? findPlan(program, planId) : undefined;
    const earning = computeEarning({
      transaction: tx,
      planVersion: plan && planVersionOn(plan, date),
      card: cardState({ level: 2 }),
      capsUsed: {},
      settings: program.settings,
    });
    expect(earning.totalPoints).toBe(90);
    expect(earning.lines[1]).toMatchObject({
      kind: 'bonus',
      plan: { id: 'dining', versionId: 'dining-2026h1' },
    });
  });

  it('a switch at 23:59 Taipei, then another at 00:01 the next day, are both allowed', async () => {
    const carol = await holder('carol');
    at('2026-03-12', '08:00');
    const card = await issue(carol.handle);
    at('2026-03-12', '23:59');
    expect((await switchPlan(carol.token, card.id, 'travel')).statusCode).toBe(200);
    at('2026-03-13', '00:01');
    const next = await switchPlan(carol.token, card.id, 'everyday');
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({
      taipeiDate: '2026-03-13',
      effectiveFrom: taipeiInstant('2026-03-13'),
    });
    expect(await services.selections.planOn(card.id, '2026-03-12')).toBe('travel');
    expect(await services.selections.planOn(card.id, '2026-03-13')).toBe('everyday');
    expect(await services.selections.planOn(card.id, '2026-03-11')).toBeNull();

    const listed = await server.app.inject({
      url: `/api/rewards/v1/cards/${card.id}/plan-history`,
      headers: bearer(carol.token),
    });
    expect(listed.statusCode).toBe(200);
    expect(
      listed.json().items.map((s: { planId: string; taipeiDate: string }) => [s.planId, s.taipeiDate]),
    ).toEqual([
      ['travel', '2026-03-12'],
      ['everyday', '2026-03-13'],
    ]);
    const shown = await server.app.inject({
      url: `/api/rewards/v1/cards/${card.id}`,
      headers: bearer(carol.token),
    });
    expect(shown.json()).toMatchObject({
      kind: 'primary',
      currentPlan: { planId: 'everyday', since: '2026-03-13' },
      canSwitchNow: false,
      nextSwitchAt: taipeiInstant('2026-03-14'),
    });
  });

  it('asking again for the plan already chosen today is not a second change', async () => {
    const erin = await holder('erin');
    at('2026-03-14', '10:00');
    const card = await issue(erin.handle);
    expect((await switchPlan(erin.token, card.id, 'digital')).statusCode).toBe(200);
    const again = await switchPlan(erin.token, card.id, 'digital');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ changed: false, taipeiDate: '2026-03-14' });
    expect(await history(card.id)).toHaveLength(1);
  });

  it('a supplementary card cannot switch, and writes nothing', async () => {
    const dave = await holder('dave');
    at('2026-03-15', '10:00');
    const primary = await issue(dave.handle);
    const supplementary = await issue(dave.handle, { primaryCardId: primary.id });
    const response = await switchPlan(dave.token, supplementary.id, 'travel');
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('supplementary_follows_primary');
    expect(await history(primary.id)).toEqual([]);
    expect(await history(supplementary.id)).toEqual([]);
    // The primary then switches, and the supplementary card's history is the primary's.
    expect((await switchPlan(dave.token, primary.id, 'travel')).statusCode).toBe(200);
    const listed = await server.app.inject({
      url: `/api/rewards/v1/cards/${supplementary.id}/plan-history`,
      headers: bearer(dave.token),
    });
    expect(listed.json()).toMatchObject({ decidedByCardId: primary.id, items: [{ planId: 'travel' }] });
  });

  it("another user's card is 404, for reading, switching and history alike", async () => {
    const owner = await holder('owner');
    const stranger = await holder('stranger');
    at('2026-03-16', '10:00');
    const card = await issue(owner.handle);
    for (const request of [
      { method: 'GET' as const, url: `/api/rewards/v1/cards/${card.id}` },
      { method: 'GET' as const, url: `/api/rewards/v1/cards/${card.id}/plan-history` },
      {
        method: 'PUT' as const,
        url: `/api/rewards/v1/cards/${card.id}/plan`,
        payload: { planId: 'digital' },
      },
    ]) {
      const response = await server.app.inject({ ...request, headers: bearer(stranger.token) });
      expect(response.statusCode, request.url).toBe(404);
      // The admin role does not see through a cardholder's route either.
      expect((await server.app.inject({ ...request, headers: bearer(admin.token) })).statusCode).toBe(404);
    }
    expect(await history(card.id)).toEqual([]);
    const anonymous = await server.app.inject({ url: `/api/rewards/v1/cards/${card.id}` });
    expect(anonymous.statusCode).toBe(401);
    // Each holder's list holds their own cards only.
    const mine = await server.app.inject({ url: '/api/rewards/v1/cards', headers: bearer(owner.token) });
    expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([card.id]);
    const theirs = await server.app.inject({ url: '/api/rewards/v1/cards', headers: bearer(stranger.token) });
    expect(theirs.json().items).toEqual([]);
  });

  it('only an admin issues cards; the card number is never asked for nor stored', async () => {
    const frank = await holder('frank');
    const payload = { holderHandle: frank.handle, last4: '1234', level: 1, birthMonth: 7 };
    const asUser = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      headers: bearer(frank.token),
      payload,
    });
    expect(asUser.statusCode).toBe(403);
    expect(asUser.json().code).toBe('role_required');
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      payload,
    });
    expect(anonymous.statusCode).toBe(401);
    const withNumber = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      headers: bearer(admin.token),
      payload: { ...payload, cardNumber: '4111111111111111' },
    });
    expect(withNumber.statusCode).toBe(400);
    const unknownHolder = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      headers: bearer(admin.token),
      payload: { ...payload, holderHandle: 'nobody_here' },
    });
    expect(unknownHolder.statusCode).toBe(404);

    const issued = await issue(frank.handle, { last4: '1234', level: 1, birthMonth: 7 });
    expect(issued).toMatchObject({
      kind: 'primary',
      last4: '1234',
      level: 1,
      birthMonth: 7,
      currentPlan: null,
    });
    expect(issued.token).toMatch(/^tok_/);
    const supplementary = await issue(frank.handle, { primaryCardId: issued.id });
    const ofSupplementary = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      headers: bearer(admin.token),
      payload: { ...payload, primaryCardId: supplementary.id },
    });
    expect(ofSupplementary.statusCode).toBe(400);
    expect(ofSupplementary.json().code).toBe('primary_card_invalid');
  });

  it('a plan that is not on the shelf (or does not exist) is refused, and nothing is written', async () => {
    const grace = await holder('grace');
    at('2026-03-17', '10:00');
    const card = await issue(grace.handle);
    // 慶生月's only version ran 2025-07-01 … 2025-09-30.
    for (const planId of ['birthday', 'no-such-plan']) {
      const response = await switchPlan(grace.token, card.id, planId);
      expect(response.statusCode, planId).toBe(400);
      expect(response.json().code).toBe('plan_not_available');
    }
    expect(await history(card.id)).toEqual([]);
    // The refusals did not use up the day's change.
    expect((await switchPlan(grace.token, card.id, 'everyday')).statusCode).toBe(200);
  });

  it('two switches racing on the same day: the database lets exactly one through', async () => {
    const heidi = await holder('heidi');
    at('2026-03-18', '10:00');
    const card = await issue(heidi.handle);
    const now = server.clock.nowMs();
    const outcomes = await Promise.allSettled([
      services.selections.switchPlan(card.id, 'digital', now),
      services.selections.switchPlan(card.id, 'travel', now),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AlreadySwitchedTodayError);
    expect(await history(card.id)).toHaveLength(1);
  });

  it('lists the plans on the shelf now with their current versions, channels and rates', async () => {
    at('2026-03-10', '12:00');
    const response = await server.app.inject({ url: '/api/rewards/v1/plans' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.generalRateBps).toBe(30);
    const ids = body.items.map((p: { id: string }) => p.id);
    expect(ids).toEqual(['digital', 'dining', 'travel', 'everyday']);
    const dining = body.items.find((p: { id: string }) => p.id === 'dining');
    expect(dining.version.id).toBe('dining-2026h1');
    expect(dining.version.channels[0]).toMatchObject({
      byLevel: true,
      rateBps: { '1': 200, '2': 300, '3': 330 },
    });
    // In 2024 the four main plans paid a flat 3% (§1.4).
    at('2024-05-01', '12:00');
    const old = (await server.app.inject({ url: '/api/rewards/v1/plans' })).json();
    expect(old.items[0].version).toMatchObject({ id: 'digital-2024' });
    expect(old.items[0].version.channels[0]).toMatchObject({
      byLevel: false,
      rateBps: { '1': 300, '2': 300, '3': 300 },
    });
  });
});
