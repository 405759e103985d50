import { bearer, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';

interface Item {
  id: string;
  last4: string;
  kind: string;
  primaryCardId: string | null;
  holder: { accountId: string; handle: string | null; displayName: string | null };
  plan: { planId: string } | null;
  level: number;
  status: string;
}
interface PageBody {
  items: Item[];
  nextCursor: string | null;
  holdersTruncated: boolean;
}

describe.each(testDatabases())('the console finds and lists cards ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    bed = await startRewards(target, { date: '2026-03-10', time: '09:00' });
  });
  afterAll(async () => bed?.server.close());

  const list = async (query: Record<string, string | number>): Promise<PageBody> => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    const response = await bed.asAdmin('GET', `/api/rewards/v1/admin/cards?${qs}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PageBody;
  };
  /** Every page of a search, following nextCursor. */
  const allPages = async (query: Record<string, string | number>) => {
    const pages: PageBody[] = [];
    let cursor: string | null = null;
    do {
      const page: PageBody = await list({ ...query, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 20);
    return pages;
  };
  const pickPlan = (cardId: string, token: string, planId: string) =>
    bed.server.app.inject({
      method: 'PUT',
      url: `/api/rewards/v1/cards/${cardId}/plan`,
      headers: bearer(token),
      payload: { planId },
    });

  it('pages through cards issued at the same instant without losing or repeating one', async () => {
    const holder = await bed.holder('ties');
    bed.at('2026-03-10', '10:00');
    // Same clock reading: every created_at ties, so only the id orders them.
    const issued = [];
    for (let i = 0; i < 5; i += 1) issued.push(await bed.issue(holder.handle, { last4: '7001' }));
    bed.at('2026-03-10', '10:05');
    const newest = await bed.issue(holder.handle, { last4: '7001' });

    const pages = await allPages({ q: '7001', limit: 2 });
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    const tied = issued
      .map((c) => c.id)
      .sort()
      .reverse();
    expect(ids).toEqual([newest.id, ...tied]);
  });

  it('finds by last four digits, handle (with or without @), card id and token; nothing found is an empty page', async () => {
    const holder = await bed.holder('finder');
    const other = await bed.holder('bystander');
    const card = await bed.issue(holder.handle, { last4: '7002' });
    await bed.issue(other.handle, { last4: '7003' });

    const byLast4 = await list({ q: '7002' });
    expect(byLast4.items.map((i) => i.id)).toEqual([card.id]);
    expect(byLast4.items[0]).toMatchObject({
      last4: '7002',
      kind: 'primary',
      holder: { accountId: holder.id, handle: holder.handle, displayName: null },
      plan: null,
      level: 2,
      status: 'no_plan',
    });
    for (const q of [holder.handle, `@${holder.handle}`, holder.handle.toUpperCase(), card.id, card.token])
      expect(
        (await list({ q })).items.map((i) => i.id),
        q,
      ).toEqual([card.id]);
    for (const q of ['9999', 'nobody_here', '00000000-0000-7000-8000-000000000000', 'tok_missing'])
      expect(await list({ q }), q).toEqual({ items: [], nextCursor: null, holdersTruncated: false });
  });

  it('filters by plan, status, level and kind as they stand today', async () => {
    const holder = await bed.holder('filters');
    bed.at('2026-03-11', '09:00');
    const digital = await bed.issue(holder.handle, { last4: '7004', level: 1 });
    const dining = await bed.issue(holder.handle, { last4: '7005', level: 1 });
    const none = await bed.issue(holder.handle, { last4: '7006', level: 3 });
    const supplementary = await bed.issue(holder.handle, {
      last4: '7007',
      level: 3,
      primaryCardId: digital.id,
    });
    expect((await pickPlan(digital.id, holder.token, 'digital')).statusCode).toBe(200);
    expect((await pickPlan(dining.id, holder.token, 'dining')).statusCode).toBe(200);
    const ids = async (query: Record<string, string | number>) =>
      (await list({ q: holder.handle, ...query })).items.map((i) => i.id).sort();

    // A supplementary card follows its primary's plan and level.
    expect(await ids({ plan: 'digital' })).toEqual([digital.id, supplementary.id].sort());
    expect(await ids({ plan: 'dining' })).toEqual([dining.id]);
    expect(await ids({ plan: 'travel' })).toEqual([]);
    expect(await ids({ status: 'no_plan' })).toEqual([none.id]);
    expect(await ids({ status: 'active' })).toEqual([digital.id, dining.id, supplementary.id].sort());
    expect(await ids({ level: 3 })).toEqual([none.id]);
    expect(await ids({ level: 1 })).toEqual([digital.id, dining.id, supplementary.id].sort());
    expect(await ids({ kind: 'supplementary' })).toEqual([supplementary.id]);
    expect(await ids({ plan: 'digital', kind: 'primary' })).toEqual([digital.id]);

    // A level change counts from the 1st of next month: the filter follows the date, not the decision.
    const changed = await bed.asAdmin('POST', `/api/rewards/v1/admin/cards/${digital.id}/level`, {
      level: 3,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await ids({ level: 3 })).toEqual([none.id]);
    bed.at('2026-04-01', '00:00');
    expect(await ids({ level: 3 })).toEqual([digital.id, none.id, supplementary.id].sort());
    const listed = await list({ q: supplementary.id });
    expect(listed.items[0]).toMatchObject({ kind: 'supplementary', primaryCardId: digital.id, level: 3 });
    expect(listed.items[0]?.plan?.planId).toBe('digital');
  });

  it('lists every card with no text, newest first', async () => {
    const holder = await bed.holder('lister');
    bed.at('2026-04-02', '09:00');
    const card = await bed.issue(holder.handle, { last4: '7008' });
    const first = await list({ limit: 1 });
    expect(first.items.map((i) => i.id)).toEqual([card.id]);
    expect(first.nextCursor).not.toBeNull();
  });

  it('answers bad parameters with a 400 and a stable code', async () => {
    const cases: [string, string][] = [
      ['cursor=bm90LWEtY3Vyc29y', 'invalid_cursor'],
      ['plan=no-such-plan', 'unknown_plan'],
      ['level=7', 'validation_failed'],
      ['status=closed', 'validation_failed'],
      ['limit=0', 'validation_failed'],
      ['limit=101', 'validation_failed'],
      [`q=${'x'.repeat(65)}`, 'validation_failed'],
      ['sort=name', 'validation_failed'],
    ];
    for (const [query, code] of cases) {
      const response = await bed.asAdmin('GET', `/api/rewards/v1/admin/cards?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code, query).toBe(code);
    }
  });
});
