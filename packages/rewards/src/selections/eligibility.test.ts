import { bearer, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';
import { ineligibility } from './eligibility.ts';
import { putPlan } from './test-requests.ts';

interface Choice {
  planId: string;
  canPick: boolean;
  current: boolean;
  reason: { code: string; availableFrom: string | null; message: { en: string; 'zh-TW': string } } | null;
}

describe('ineligibility (pure)', () => {
  const card = { level: 1 as const, birthMonth: 3, eligibleFrom: { kids: '2025-09-01' } };
  it('names the next birth month, this year or next', () => {
    expect(ineligibility({ kind: 'birth_month' }, card, '2025-03-31')).toBeNull();
    expect(ineligibility({ kind: 'birth_month' }, card, '2025-02-28')).toMatchObject({
      eligibleFrom: '2025-03-01',
    });
    expect(ineligibility({ kind: 'birth_month' }, card, '2025-04-01')).toMatchObject({
      eligibleFrom: '2026-03-01',
    });
    expect(ineligibility({ kind: 'birth_month' }, { ...card, birthMonth: null }, '2025-03-01')).toMatchObject(
      {
        code: 'not_birth_month',
        eligibleFrom: null,
      },
    );
  });
  it('a flag counts from its date, and a missing one has no date', () => {
    expect(ineligibility({ kind: 'flag', flag: 'kids' }, card, '2025-08-31')).toMatchObject({
      eligibleFrom: '2025-09-01',
    });
    expect(ineligibility({ kind: 'flag', flag: 'kids' }, card, '2025-09-01')).toBeNull();
    expect(ineligibility({ kind: 'flag', flag: 'other' }, card, '2025-09-01')).toMatchObject({
      eligibleFrom: null,
    });
  });
});

/**
 * §1.4: 童樂匯's eligible cardholders "may switch from the 1st of next month", and 慶生月 is the
 * birth month's plan; both are conditions of choosing, refused at the switch with a code.
 */
describe.each(testDatabases())('eligibility when switching ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    // 慶生月 2025/7/1–9/30 and 童樂匯 2025/8/1–11/20 are on the shelf.
    bed = await startRewards(target, { date: '2025-08-01', time: '09:00' });
  });
  afterAll(async () => bed?.server.close());

  const pick = (token: string, cardId: string, planId: string) => putPlan(bed, token, cardId, planId);
  const choices = async (token: string, cardId: string): Promise<Record<string, Choice>> => {
    const view = await bed.server.app.inject({
      url: `/api/rewards/v1/cards/${cardId}`,
      headers: bearer(token),
    });
    expect(view.statusCode, view.body).toBe(200);
    return Object.fromEntries(view.json().planChoices.map((c: Choice) => [c.planId, c]));
  };
  const history = (cardId: string) => bed.services.selections.history(cardId);

  it('慶生月 is refused outside the birth month, and allowed in it', async () => {
    const holder = await bed.holder('septemberborn');
    bed.at('2025-08-20', '10:00');
    const card = await bed.issue(holder.handle, { birthMonth: 9 });
    const refused = await pick(holder.token, card.id, 'birthday');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'not_birth_month', errors: [{ field: '/planId' }] });
    expect(refused.json().detail).toContain('2025-09-01');
    expect(await history(card.id)).toEqual([]);
    const before = await choices(holder.token, card.id);
    expect(before.birthday).toMatchObject({
      canPick: false,
      reason: { code: 'not_birth_month', availableFrom: '2025-09-01' },
    });
    expect(before.digital).toMatchObject({ canPick: true, reason: null });

    bed.at('2025-09-01', '00:00');
    expect((await choices(holder.token, card.id)).birthday).toMatchObject({ canPick: true, reason: null });
    const allowed = await pick(holder.token, card.id, 'birthday');
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect((await history(card.id)).map((s) => s.planId)).toEqual(['birthday']);
  });

  it('慶生月 is refused when the card has no birth month on file', async () => {
    const holder = await bed.holder('nobirthday');
    bed.at('2025-09-02', '10:00');
    const card = await bed.issue(holder.handle, { birthMonth: null });
    const refused = await pick(holder.token, card.id, 'birthday');
    expect(refused.json()).toMatchObject({ code: 'not_birth_month' });
    expect((await choices(holder.token, card.id)).birthday?.reason).toMatchObject({ availableFrom: null });
  });

  it('童樂匯 needs the kids flag in force: refused without it, refused while it waits for the 1st, allowed then', async () => {
    const holder = await bed.holder('parent');
    bed.at('2025-09-10', '10:00');
    const card = await bed.issue(holder.handle);
    const without = await pick(holder.token, card.id, 'kids');
    expect(without.statusCode).toBe(400);
    expect(without.json().code).toBe('not_eligible');
    expect((await choices(holder.token, card.id)).kids).toMatchObject({
      canPick: false,
      reason: { code: 'not_eligible', availableFrom: null },
    });

    await bed.asAdmin('POST', `/api/rewards/v1/admin/cards/${card.id}/flags`, { flag: 'kids' });
    const waiting = await pick(holder.token, card.id, 'kids');
    expect(waiting.json()).toMatchObject({ code: 'not_eligible' });
    expect(waiting.json().detail).toContain('2025-10-01');
    const shown = await choices(holder.token, card.id);
    expect(shown.kids?.reason).toMatchObject({ code: 'not_eligible', availableFrom: '2025-10-01' });
    expect(shown.kids?.reason?.message['zh-TW']).toContain('童樂匯');
    expect(await history(card.id)).toEqual([]);

    bed.at('2025-10-01', '08:00');
    const allowed = await pick(holder.token, card.id, 'kids');
    expect(allowed.statusCode, allowed.body).toBe(200);
    const after = await choices(holder.token, card.id);
    expect(after.kids).toMatchObject({ current: true, canPick: true });
    // The day's change is used: the others wait for tomorrow.
    expect(after.digital).toMatchObject({
      canPick: false,
      reason: { code: 'already_switched_today', availableFrom: '2025-10-02' },
    });
  });

  it('a supplementary card is told it follows the primary, for every plan', async () => {
    const holder = await bed.holder('family');
    bed.at('2025-10-05', '10:00');
    const primary = await bed.issue(holder.handle);
    const supplementary = await bed.issue(holder.handle, { primaryCardId: primary.id });
    const listed = await bed.server.app.inject({
      url: '/api/rewards/v1/cards',
      headers: bearer(holder.token),
    });
    const views = listed.json().items as { id: string; planChoices: Choice[] }[];
    const supp = views.find((v) => v.id === supplementary.id);
    expect(supp?.planChoices.length).toBeGreaterThan(0);
    for (const choice of supp?.planChoices ?? []) {
      expect(choice).toMatchObject({ canPick: false, reason: { code: 'supplementary_follows_primary' } });
    }
    const prim = views.find((v) => v.id === primary.id);
    expect(prim?.planChoices.find((c) => c.planId === 'travel')).toMatchObject({ canPick: true });
  });
});
