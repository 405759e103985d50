import { testDatabases } from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ev, MERCHANTS, type PointsBed, startPointsBed } from '../lifecycle/test-support.ts';

describe.each(testDatabases())('points API ($name)', (target) => {
  let bed: PointsBed;
  let alice: { handle: string; token: string; id: string };
  let bob: { handle: string; token: string; id: string };
  let card: { id: string; token: string };
  let bobsCard: { id: string; token: string };

  beforeAll(async () => {
    bed = await startPointsBed(target);
    alice = await bed.holder('alice');
    bob = await bed.holder('bob');
    bed.at('2024-02-01', '08:00');
    card = await bed.issue(alice.handle);
    bobsCard = await bed.issue(bob.handle);
    await bed.switchPlan(card.id, 'dining', '2024-02-01');
  });
  afterAll(async () => bed?.server.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of [
      'rewards_events',
      'rewards_postings',
      'rewards_transactions',
      'rewards_release_queue',
    ]) {
      const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
        bed.server.platform.database.db,
      );
      counts[table] = Number(result.rows[0]?.n);
    }
    return counts;
  }

  const settlement = (id: string, ntd = 3000) =>
    ev.settlement(id, { card: card.token, on: '2024-02-15', at: '18:00', ntd, merchant: MERCHANTS.skm });

  it('takes events from the admin role only', async () => {
    const anonymous = await bed.server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/events',
      payload: settlement('auth-0'),
    });
    expect(anonymous.statusCode).toBe(401);
    const holder = await bed.post(settlement('auth-0'), alice.token);
    expect(holder.statusCode).toBe(403);
    expect(holder.json().code).toBe('role_required');
  });

  it('answers one event: 201 applied, 200 duplicate, 202 held, 422 rejected with a stable code and field', async () => {
    const first = await bed.post(settlement('api-s1'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ eventId: 'api-s1', status: 'applied', points: 90 });
    const again = await bed.post(settlement('api-s1'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      eventId: 'api-s1',
      status: 'duplicate',
      transactionId: first.json().transactionId,
    });
    const held = await bed.post(
      ev.refund('api-r1', { card: card.id, of: 'api-s-later', ntd: 100, on: '2024-02-20' }),
    );
    expect(held.statusCode).toBe(202);
    expect(held.json()).toEqual({ eventId: 'api-r1', status: 'held' });

    const before = await rowCounts();
    const conflict = await bed.post(settlement('api-s1', 5000));
    expect(conflict.statusCode).toBe(422);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
    expect(conflict.json()).toMatchObject({ code: 'event_id_conflict', errors: [{ field: '/id' }] });
    const unknownCard = await bed.post({ ...settlement('api-s2'), cardId: 'tok_nobody' });
    expect(unknownCard.json()).toMatchObject({ code: 'unknown_card', errors: [{ field: '/cardId' }] });
    const badMcc = await bed.post({ ...settlement('api-s3'), merchant: { ...MERCHANTS.skm, mcc: '53' } });
    expect(badMcc.statusCode).toBe(422);
    expect(badMcc.json()).toMatchObject({ code: 'invalid_event', errors: [{ field: '/merchant/mcc' }] });
    expect(await rowCounts()).toEqual(before);
  });

  it('answers a batch with one outcome per event, a bad one refused alone', async () => {
    const response = await bed.post({
      events: [
        settlement('batch-1', 1000),
        { ...settlement('batch-2'), amount: 1.5 },
        settlement('batch-1', 1000),
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((o: { status: string }) => o.status)).toEqual([
      'applied',
      'rejected',
      'duplicate',
    ]);
    expect(response.json().items[1].error).toMatchObject({ code: 'invalid_event', field: '/amount' });
  });

  it('refuses garbage bodies with 400 and writes nothing', async () => {
    const before = await rowCounts();
    for (const payload of [
      '"just a string"',
      '[1,2]',
      'null',
      '{"events": []}',
      '{"events": {}}',
      '{"events": [], "x": 1}',
    ]) {
      const response = await bed.server.app.inject({
        method: 'POST',
        url: '/api/rewards/v1/events',
        headers: { authorization: `Bearer ${bed.admin.token}`, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().code).toMatch(/invalid_events_body|validation_failed/);
    }
    // A full batch of large events fits the route's body limit; one event more is refused by count.
    const full = await bed.post({
      events: Array.from({ length: 1000 }, (_, i) => ({ ...settlement(`big-${i}`), cardId: 'tok_nobody' })),
    });
    expect(full.statusCode).toBe(200);
    expect(
      full.json().items.every((o: { error?: { code: string } }) => o.error?.code === 'unknown_card'),
    ).toBe(true);
    const tooMany = await bed.post({
      events: Array.from({ length: 1001 }, (_, i) => settlement(`many-${i}`)),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'invalid_events_body', errors: [{ field: '/events' }] });
    expect(await rowCounts()).toEqual(before);
  });

  it('lists my transactions newest first with a cursor; someone else’s card is 404, for the admin too', async () => {
    await bed.ingest(
      ev.settlement('list-1', { card: card.id, on: '2024-03-01', ntd: 100 }),
      ev.settlement('list-2', { card: card.id, on: '2024-03-02', ntd: 200 }),
      ev.settlement('list-3', { card: card.id, on: '2024-03-03', ntd: 300 }),
    );
    const url = `/api/rewards/v1/cards/${card.id}/transactions`;
    bed.at('2024-03-20');
    const first = await bed.get(`${url}?limit=2`, alice.token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map((t: { settledAmount: number }) => t.settledAmount)).toEqual([
      30_000, 20_000,
    ]);
    expect(first.json().items[0]).toMatchObject({
      status: 'settled',
      merchant: { id: 'corner-shop' },
      points: { net: 1, pending: 0, available: 1 },
    });
    const second = await bed.get(`${url}?limit=2&cursor=${first.json().nextCursor}`, alice.token);
    expect(second.json().items[0].settledAmount).toBe(10_000);
    expect((await bed.get(url, bob.token)).statusCode).toBe(404);
    expect((await bed.get(url, bed.admin.token)).statusCode).toBe(404);
    expect((await bed.get(`/api/rewards/v1/cards/${bobsCard.id}/transactions`, alice.token)).statusCode).toBe(
      404,
    );
    const bad = await bed.get(`${url}?cursor=bm9wZQ`, alice.token);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
  });

  it('explains a transaction line by line in zh-TW and en, clawbacks included', async () => {
    await bed.ingest(
      ev.settlement('explain-s', { card: card.id, on: '2024-04-01', ntd: 3000, merchant: MERCHANTS.skm }),
      ev.refund('explain-r', { card: card.id, of: 'explain-s', ntd: 1000, on: '2024-04-08' }),
    );
    const list = await bed.get(`/api/rewards/v1/cards/${card.id}/transactions?limit=1`, alice.token);
    const tx = list.json().items[0];
    expect(tx).toMatchObject({
      status: 'partially_refunded',
      points: { earned: 90, clawedBack: 30, net: 60 },
    });
    const zh = await bed.get(
      `/api/rewards/v1/cards/${card.id}/transactions/${tx.id}/points?lang=zh-TW`,
      alice.token,
    );
    expect(zh.statusCode, zh.body).toBe(200);
    const body = zh.json();
    expect(body.totals).toMatchObject({ earned: 90, clawedBack: 30, net: 60 });
    expect(body.lines.map((l: { kind: string; points: number }) => [l.kind, l.points])).toEqual([
      ['general', 9],
      ['bonus', 81],
      ['clawback', -3],
      ['clawback', -27],
    ]);
    expect(body.lines[1].explanation).toContain('樂饗購「指定百貨」回饋 3%');
    expect(body.lines[1].reason).toMatchObject({
      plan: { id: 'dining', versionId: 'dining-2024', name: '樂饗購' },
      channel: { id: 'dining.department-stores' },
      channelRateBps: 300,
      rateBps: 270,
      rounding: { exactPoints: '81', roundedPoints: 81 },
    });
    expect(body.lines[3].reason.clawback).toMatchObject({
      of: 'bonus',
      refundMinor: 100_000,
      originalAmountMinor: 300_000,
    });
    const en = await bed.get(
      `/api/rewards/v1/cards/${card.id}/transactions/${tx.id}/points?lang=en`,
      alice.token,
    );
    expect(en.json().lines[0].explanation).toBe(
      'General rate 0.3%: NT$3,000 × 0.3% = 9 points; the transaction’s exact 90 points round half-up once to 90, 9 of them on this line.',
    );
    expect(
      (await bed.get(`/api/rewards/v1/cards/${card.id}/transactions/${tx.id}/points`, bob.token)).statusCode,
    ).toBe(404);
    const elsewhere = await bed.get(
      `/api/rewards/v1/cards/${bobsCard.id}/transactions/${tx.id}/points`,
      bob.token,
    );
    expect(elsewhere.statusCode).toBe(404);
    expect(
      (await bed.get(`/api/rewards/v1/cards/${card.id}/transactions/${tx.id}/points?lang=fr`, alice.token))
        .statusCode,
    ).toBe(400);
  });

  it('shows pending, available and the postings, releasing what is due before it answers', async () => {
    const fresh = await bed.holder('carol');
    bed.at('2024-05-01', '08:00');
    const own = await bed.issue(fresh.handle);
    await bed.switchPlan(own.id, 'dining', '2024-05-01');
    await bed.ingest(
      ev.settlement('pts-s', {
        card: own.id,
        on: '2024-05-06',
        settledOn: '2024-05-08',
        ntd: 3000,
        merchant: MERCHANTS.skm,
      }),
    );
    bed.at('2024-05-09', '12:00');
    const pending = await bed.get(`/api/rewards/v1/cards/${own.id}/points?limit=1`, fresh.token);
    expect(pending.json()).toMatchObject({ pending: 90, available: 0, owed: 0 });
    expect(pending.json().items).toHaveLength(1);
    const more = await bed.get(
      `/api/rewards/v1/cards/${own.id}/points?limit=1&cursor=${pending.json().nextCursor}`,
      fresh.token,
    );
    expect(more.json().items).toHaveLength(1);
    expect(more.json().nextCursor).toBeNull();
    bed.at('2024-05-10', '00:00');
    const released = await bed.get(`/api/rewards/v1/cards/${own.id}/points`, fresh.token);
    expect(released.json()).toMatchObject({ pending: 0, available: 90 });
    expect(released.json().items[0]).toMatchObject({
      kind: 'release',
      points: 90,
      from: 'pending',
      to: 'available',
    });
    expect(released.json().items.at(-1)).toMatchObject({ kind: 'earn', from: 'bank', to: 'pending' });
    expect((await bed.get(`/api/rewards/v1/cards/${own.id}/points`, alice.token)).statusCode).toBe(404);
  });
});
