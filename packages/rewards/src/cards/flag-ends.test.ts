import { bearer, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';
import { cardStateOn } from '../contracts.ts';
import { computeEarning } from '../earning/engine.ts';
import { resolvePlanVersion } from '../earning/selection.ts';
import { transaction } from '../earning/test-helpers.ts';
import { putPlan } from '../selections/test-requests.ts';

describe.each(testDatabases())('eligibility flags that end ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    // 童樂匯 (kids, a plan for flagged cards) is on the shelf from 2025-08-01 to 2025-11-20.
    bed = await startRewards(target, { date: '2025-08-01', time: '09:00' });
  });
  afterAll(async () => bed?.server.close());

  const flags = (cardId: string) => `/api/rewards/v1/admin/cards/${cardId}/flags`;
  const profileOf = async (cardId: string) => {
    const profile = (await bed.services.profiles.byRefs([cardId])).get(cardId);
    if (!profile) throw new Error('no profile');
    return profile;
  };
  const view = async (token: string, cardId: string) =>
    (await bed.server.app.inject({ url: `/api/rewards/v1/cards/${cardId}`, headers: bearer(token) })).json();
  const pick = (token: string, cardId: string, planId: string) => putPlan(bed, token, cardId, planId);

  it('a flag granted with an end: 童樂匯 may be chosen inside it and not from the end on; earning follows the purchase date', async () => {
    bed.at('2025-08-10', '10:00');
    const holder = await bed.holder('family');
    const card = await bed.issue(holder.handle);
    const granted = await bed.asAdmin('POST', flags(card.id), { flag: 'kids', until: '2025-11-01' });
    expect(granted.json()).toEqual({
      cardId: card.id,
      flag: 'kids',
      effectiveFrom: '2025-09-01',
      until: '2025-11-01',
      changed: true,
    });
    expect((await view(holder.token, card.id)).flags).toEqual([
      { flag: 'kids', from: '2025-09-01', until: '2025-11-01' },
    ]);
    const lookup = (await bed.asAdmin('GET', `/api/rewards/v1/admin/cards/${card.id}`)).json();
    expect(lookup.flagPeriods).toEqual([{ flag: 'kids', from: '2025-09-01', until: '2025-11-01' }]);
    expect(lookup.flagHistory.map((f: { action: string; effectiveFrom: string }) => f.action)).toEqual([
      'grant',
      'revoke',
    ]);

    bed.at('2025-10-31', '23:00');
    expect((await pick(holder.token, card.id, 'kids')).statusCode).toBe(200);

    bed.at('2025-11-01', '00:00');
    const shown = await view(holder.token, card.id);
    expect(shown.flags).toEqual([]);
    const kids = shown.planChoices.find((c: { planId: string }) => c.planId === 'kids');
    expect(kids).toMatchObject({ current: true, canPick: true });
    const other = await pick(holder.token, card.id, 'digital');
    expect(other.statusCode).toBe(200);
    bed.at('2025-11-02', '09:00');
    const back = await pick(holder.token, card.id, 'kids');
    expect(back.statusCode).toBe(400);
    expect(back.json().code).toBe('not_eligible');

    // Read after the end, the profile still knows the flag held on 31 October.
    const profile = await profileOf(card.id);
    expect(profile.flags).toEqual({});
    expect(cardStateOn(profile, '2025-10-31').eligibleFrom).toEqual({ kids: '2025-09-01' });
    expect(cardStateOn(profile, '2025-11-01').eligibleFrom).toEqual({});
    const program = bed.services.programs.current();
    const bonus = (on: string) => {
      const tx = transaction({ on, at: '12:00', ntd: 1000, merchant: 'toy-shop', mcc: '5945' });
      const planVersion = resolvePlanVersion(program, [{ planId: 'kids', effectiveFrom: '2025-10-31' }], tx);
      const earned = computeEarning({
        transaction: tx,
        planVersion,
        card: cardStateOn(profile, on),
        capsUsed: {},
        settings: program.settings,
      });
      const general = earned.lines.find((l) => l.kind === 'general');
      return earned.lines.some((l) => l.kind === 'bonus') ? 'bonus' : general?.bonusSkipped?.code;
    };
    // 童樂匯's 10% at a toy shop on the last day of the flag; the general rate only from its end.
    expect(bonus('2025-10-31')).toBe('bonus');
    expect(bonus('2025-11-01')).toBe('not_eligible');
  });

  it('the admin may date a revocation or a grant; past dates and an end before the start are refused, writing nothing', async () => {
    bed.at('2025-10-10', '10:00');
    const holder = await bed.holder('dated');
    const card = await bed.issue(holder.handle);
    expect(
      (await bed.asAdmin('POST', flags(card.id), { flag: 'kids', from: '2025-10-10' })).json(),
    ).toMatchObject({
      effectiveFrom: '2025-10-10',
      changed: true,
    });
    expect((await pick(holder.token, card.id, 'kids')).statusCode).toBe(200);
    const revoked = await bed.asAdmin('DELETE', `${flags(card.id)}/kids?from=2025-10-20`);
    expect(revoked.json()).toMatchObject({ effectiveFrom: '2025-10-20', until: null, changed: true });
    expect((await view(holder.token, card.id)).flags).toEqual([
      { flag: 'kids', from: '2025-10-10', until: '2025-10-20' },
    ]);

    for (const [body, code] of [
      [{ flag: 'kids', from: '2025-10-09' }, 'flag_date_invalid'],
      [{ flag: 'kids', from: '2025-02-30' }, 'flag_date_invalid'],
      [{ flag: 'kids', from: '2025-11-01', until: '2025-11-01' }, 'flag_until_before_from'],
    ] as const) {
      const refused = await bed.asAdmin('POST', flags(card.id), body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().code).toBe(code);
    }
    expect((await bed.asAdmin('DELETE', `${flags(card.id)}/kids?from=2025-10-01`)).statusCode).toBe(400);
    expect((await bed.asAdmin('DELETE', `${flags(card.id)}/kids?from=soon`)).statusCode).toBe(400);
    const lookup = (await bed.asAdmin('GET', `/api/rewards/v1/admin/cards/${card.id}`)).json();
    expect(lookup.flagHistory).toHaveLength(2);

    // Granting again over a decided end keeps the flag held through it.
    const again = await bed.asAdmin('POST', flags(card.id), {
      flag: 'kids',
      from: '2025-10-15',
      until: '2025-11-15',
    });
    expect(again.json()).toMatchObject({ changed: true, until: '2025-11-15' });
    expect((await profileOf(card.id)).flagPeriods).toEqual([
      { flag: 'kids', from: '2025-10-10', until: '2025-11-15' },
    ]);
  });
});
