import { bearer, testDatabases } from '@plaza/kernel/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';
import { cardStateOn } from '../contracts.ts';
import { computeEarning } from '../earning/engine.ts';
import { resolvePlanVersion } from '../earning/selection.ts';
import { transaction } from '../earning/test-helpers.ts';
import type { RewardsCardHistoryTables } from './history-store.ts';
import { createCardProfiles } from './profiles.ts';
import { StatementCounter } from './statement-counter.ts';

describe.each(testDatabases())('card levels and eligibility flags ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    bed = await startRewards(target, { date: '2026-03-01', time: '09:00' });
  });
  afterAll(async () => bed?.server.close());

  const profileOf = async (cardId: string) => {
    const profile = (await bed.services.profiles.byRefs([cardId])).get(cardId);
    if (!profile) throw new Error('no profile');
    return profile;
  };
  const changeLevel = (cardId: string, level: number) =>
    bed.asAdmin('POST', `/api/rewards/v1/admin/cards/${cardId}/level`, {
      level,
      reason: 'pays through the CUBE App',
    });

  it('a level change takes effect on the 1st of the next Taipei month: the 31st earns by the old level, the 1st by the new', async () => {
    const holder = await bed.holder('leveller');
    bed.at('2026-03-10', '09:00');
    const card = await bed.issue(holder.handle, { level: 1 });
    await bed.server.app.inject({
      method: 'PUT',
      url: `/api/rewards/v1/cards/${card.id}/plan`,
      headers: bearer(holder.token),
      payload: { planId: 'digital' },
    });
    // 23:59 on 31 March Taipei (15:59 UTC): still March, so the change counts from 1 April.
    bed.at('2026-03-31', '23:59');
    const changed = await changeLevel(card.id, 2);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({ cardId: card.id, level: 2, effectiveFrom: '2026-04-01', changed: true });
    const view = await bed.server.app.inject({
      url: `/api/rewards/v1/cards/${card.id}`,
      headers: bearer(holder.token),
    });
    expect(view.json()).toMatchObject({ level: 1, pendingLevel: { level: 2, from: '2026-04-01' } });

    const profile = await profileOf(card.id);
    expect(profile.levels).toEqual([
      { level: 1, from: '2026-03-10' },
      { level: 2, from: '2026-04-01' },
    ]);
    // NT$1,000 at Netflix under 玩數位: Level 1 = 2% → 20, Level 2 = 3% → 30 (§1.4).
    const program = bed.services.programs.current();
    const earn = (on: string) => {
      const tx = transaction({ on, at: '21:00', ntd: 1000, merchant: 'netflix' });
      const planVersion = resolvePlanVersion(program, profile.selections, tx);
      return computeEarning({
        transaction: tx,
        planVersion,
        card: cardStateOn(profile, on),
        capsUsed: {},
        settings: program.settings,
      }).totalPoints;
    };
    expect(earn('2026-03-31')).toBe(20);
    expect(earn('2026-04-01')).toBe(30);

    bed.at('2026-04-01', '00:00');
    const shown = await bed.server.app.inject({
      url: `/api/rewards/v1/cards/${card.id}`,
      headers: bearer(holder.token),
    });
    expect(shown.json()).toMatchObject({ level: 2, pendingLevel: null });
    // A change made at 00:00 on 1 April counts from 1 May.
    const next = await changeLevel(card.id, 3);
    expect(next.json()).toMatchObject({ effectiveFrom: '2026-05-01', changed: true });
  });

  it('keeps the level history; a second decision for the same month replaces the first, the same level changes nothing', async () => {
    const holder = await bed.holder('history');
    bed.at('2026-04-10', '09:00');
    const card = await bed.issue(holder.handle, { level: 1 });
    expect((await changeLevel(card.id, 3)).json()).toMatchObject({
      effectiveFrom: '2026-05-01',
      changed: true,
    });
    expect((await changeLevel(card.id, 2)).json()).toMatchObject({
      effectiveFrom: '2026-05-01',
      changed: true,
    });
    expect((await changeLevel(card.id, 2)).json()).toMatchObject({ changed: false });
    expect((await profileOf(card.id)).levels).toEqual([
      { level: 1, from: '2026-04-10' },
      { level: 2, from: '2026-05-01' },
    ]);
    const lookup = await bed.asAdmin('GET', `/api/rewards/v1/admin/cards/${card.id}`);
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json()).toMatchObject({
      holderHandle: holder.handle,
      token: card.token,
      level: 1,
      pendingLevel: { level: 2, from: '2026-05-01' },
      levelHistory: [
        {
          level: 3,
          effectiveFrom: '2026-05-01',
          byAccountId: bed.admin.id,
          reason: 'pays through the CUBE App',
        },
        { level: 2, effectiveFrom: '2026-05-01' },
      ],
    });
    // The bank looks a card up by the network's token too.
    const byToken = await bed.asAdmin('GET', `/api/rewards/v1/admin/cards/${card.token}`);
    expect(byToken.json().id).toBe(card.id);
    expect((await bed.asAdmin('GET', '/api/rewards/v1/admin/cards/tok_nothing')).statusCode).toBe(404);
    const unknown = await bed.asAdmin(
      'POST',
      '/api/rewards/v1/admin/cards/00000000-0000-7000-8000-000000000000/level',
      {
        level: 2,
      },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('a flag counts from the 1st of the next month; a revocation too; the profile shows what holds today', async () => {
    const holder = await bed.holder('parent');
    bed.at('2026-04-15', '10:00');
    const card = await bed.issue(holder.handle);
    const granted = await bed.asAdmin('POST', `/api/rewards/v1/admin/cards/${card.id}/flags`, {
      flag: 'kids',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toEqual({
      cardId: card.id,
      flag: 'kids',
      effectiveFrom: '2026-05-01',
      until: null,
      changed: true,
    });
    const again = await bed.asAdmin('POST', `/api/rewards/v1/admin/cards/${card.id}/flags`, { flag: 'kids' });
    expect(again.json()).toMatchObject({ changed: false });

    const profile = await profileOf(card.id);
    expect(profile.flags).toEqual({ kids: '2026-05-01' });
    expect(cardStateOn(profile, '2026-04-30').eligibleFrom.kids).toBe('2026-05-01');

    bed.at('2026-05-20', '10:00');
    const revoked = await bed.asAdmin('DELETE', `/api/rewards/v1/admin/cards/${card.id}/flags/kids`);
    expect(revoked.json()).toEqual({
      cardId: card.id,
      flag: 'kids',
      effectiveFrom: '2026-06-01',
      until: null,
      changed: true,
    });
    // Still held for the rest of May.
    expect((await profileOf(card.id)).flags).toEqual({ kids: '2026-05-01' });
    bed.at('2026-06-01', '00:00');
    expect((await profileOf(card.id)).flags).toEqual({});
    const lookup = (await bed.asAdmin('GET', `/api/rewards/v1/admin/cards/${card.id}`)).json();
    expect(
      lookup.flagHistory.map((f: { action: string; effectiveFrom: string }) => [f.action, f.effectiveFrom]),
    ).toEqual([
      ['grant', '2026-05-01'],
      ['revoke', '2026-06-01'],
    ]);
    expect(
      (await bed.asAdmin('POST', `/api/rewards/v1/admin/cards/${card.id}/flags`, { flag: 'Kids!' }))
        .statusCode,
    ).toBe(400);
  });

  it('profiles are read in the same number of queries for one card or forty', async () => {
    bed.at('2026-06-02', '10:00');
    const holder = await bed.holder('many');
    const cards = [];
    for (let i = 0; i < 40; i++) {
      const card = await bed.issue(holder.handle, { level: 1 });
      await changeLevel(card.id, 2);
      await bed.asAdmin('POST', `/api/rewards/v1/admin/cards/${card.id}/flags`, { flag: 'kids' });
      cards.push(card);
    }
    const counter = new StatementCounter();
    const db = bed.server.platform.database.db.withPlugin(
      counter,
    ) as unknown as Kysely<RewardsCardHistoryTables>;
    const profiles = createCardProfiles(db, bed.server.clock);
    const one = await profiles.byRefs([cards[0]?.id ?? '']);
    const single = counter.count;
    counter.count = 0;
    const all = await profiles.byRefs([...cards.map((c) => c.id), ...cards.map((c) => c.token), 'nobody']);
    expect(counter.count).toBe(single);
    expect(single).toBe(4);
    expect(one.size).toBe(1);
    expect(all.size).toBe(80);
    expect(all.get(cards[7]?.token ?? '')?.levels).toEqual([
      { level: 1, from: '2026-06-02' },
      { level: 2, from: '2026-07-01' },
    ]);
    expect(all.get(cards[7]?.id ?? '')?.flags).toEqual({ kids: '2026-07-01' });
  });
});
