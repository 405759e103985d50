import { bearer, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';
import { type CardProfile, cardStateOn } from '../contracts.ts';
import { computeEarning } from '../earning/engine.ts';
import { resolvePlanVersion } from '../earning/selection.ts';
import { transaction } from '../earning/test-helpers.ts';

describe.each(testDatabases())('a supplementary card earns at its primary’s level ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    bed = await startRewards(target, { date: '2026-03-01', time: '09:00' });
  });
  afterAll(async () => bed?.server.close());

  it('ignores its own level for the primary’s, as of the purchase date, whether asked by id or token', async () => {
    const alice = await bed.holder('primaryholder');
    const bob = await bed.holder('suppholder');
    bed.at('2026-03-10', '09:00');
    const primary = await bed.issue(alice.handle, { level: 3 });
    const supplementary = await bed.issue(bob.handle, { level: 1, primaryCardId: primary.id });
    const picked = await bed.server.app.inject({
      method: 'PUT',
      url: `/api/rewards/v1/cards/${primary.id}/plan`,
      headers: bearer(alice.token),
      payload: { planId: 'digital' },
    });
    expect(picked.statusCode, picked.body).toBe(200);
    // The primary moves to Level 2 from 1 April; the supplementary's own Level 1 never counts.
    const changed = await bed.asAdmin('POST', `/api/rewards/v1/admin/cards/${primary.id}/level`, {
      level: 2,
      reason: 'stopped paying through the app',
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const profiles = await bed.services.profiles.byRefs([supplementary.id, supplementary.token]);
    expect([...profiles.keys()].sort()).toEqual([supplementary.id, supplementary.token].sort());
    const profile = profiles.get(supplementary.token)!;
    expect(profile.cardId).toBe(supplementary.id);
    expect(profile.primaryCardId).toBe(primary.id);
    expect(profile.levels).toEqual([
      { level: 3, from: '2026-03-10' },
      { level: 2, from: '2026-04-01' },
    ]);
    // NT$1,000 at Netflix under 玩數位 (§1.4): Level 3 = 3.3% → 33 in March, Level 2 = 3% → 30
    // in April; the supplementary card's own Level 1 would pay 2% → 20.
    expect(earn(profile, '2026-03-31')).toBe(33);
    expect(earn(profile, '2026-04-01')).toBe(30);

    // The card app is told the level the card earns at, and that it is the primary's.
    const shown = await bed.server.app.inject({
      method: 'GET',
      url: `/api/rewards/v1/cards/${supplementary.id}`,
      headers: bearer(bob.token),
    });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({
      level: 3,
      levelFrom: 'primary',
      pendingLevel: { level: 2, from: '2026-04-01' },
    });
    const own = await bed.server.app.inject({
      method: 'GET',
      url: `/api/rewards/v1/cards/${primary.id}`,
      headers: bearer(alice.token),
    });
    expect(own.json()).toMatchObject({ level: 3, levelFrom: 'own' });
  });

  function earn(profile: CardProfile, on: string): number {
    const program = bed.services.programs.current();
    const tx = transaction({ on, at: '21:00', ntd: 1000, merchant: 'netflix' });
    return computeEarning({
      transaction: tx,
      planVersion: resolvePlanVersion(program, profile.selections, tx),
      card: cardStateOn(profile, on),
      capsUsed: {},
      settings: program.settings,
    }).totalPoints;
  }
});
