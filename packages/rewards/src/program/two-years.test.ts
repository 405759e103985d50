import { bearer, testDatabases } from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ev, MERCHANTS, type PointsBed, startPointsBed } from '../lifecycle/test-support.ts';

/**
 * The default program run two years past the day it was written (2026-12-03) with the injected
 * clock: the shelf must not empty by the calendar alone, so on 2028-12-03 a holder still sees
 * the plans, switches, and earns the plan's rate; the business calendar, which knows 2026 and
 * 2027 only, counts 2028's weekdays as business days (assumed) instead of failing.
 */
describe.each(testDatabases())('the default program two years ahead ($name)', (target) => {
  let bed: PointsBed;
  let holder: { handle: string; token: string; id: string };
  let card: { id: string; token: string };

  beforeAll(async () => {
    bed = await startPointsBed(target);
    bed.at('2026-12-03', '09:00');
    holder = await bed.holder('future');
    card = await bed.issue(holder.handle);
    bed.at('2028-12-03', '09:00');
  });
  afterAll(async () => bed?.server.close());

  it('offers the four main plans and lets the holder switch on 2028-12-03', async () => {
    const plans = await bed.get('/api/rewards/v1/plans', holder.token);
    expect(plans.statusCode, plans.body).toBe(200);
    const offered = plans
      .json()
      .items.map((p: { id: string; version: { id: string; validTo: unknown } }) => [
        p.id,
        p.version.id,
        p.version.validTo,
      ]);
    expect(offered).toEqual([
      ['digital', 'digital-2026h2', null],
      ['dining', 'dining-2026h2', null],
      ['travel', 'travel-2026h2', null],
      ['everyday', 'everyday-2026h2', null],
    ]);
    const switched = await bed.server.app.inject({
      method: 'PUT',
      url: `/api/rewards/v1/cards/${card.id}/plan`,
      headers: bearer(holder.token),
      payload: { planId: 'digital' },
    });
    expect(switched.statusCode, switched.body).toBe(200);
  });

  it('earns the plan rate on a 2028 purchase, available two (assumed) business days after settlement', async () => {
    // Sunday 2028-12-03, settled Tuesday 12-05: Level 2 digital streaming is 3% in all.
    const [outcome] = await bed.ingest(
      ev.settlement('future-s1', {
        card: card.token,
        on: '2028-12-03',
        ntd: 1000,
        merchant: MERCHANTS.netflix,
      }),
    );
    expect(outcome).toMatchObject({ status: 'applied', points: 30 });
    const { rows } = await sql<{ available_on: string }>`
      select available_on from rewards_release_queue where card_id = ${card.id}`.execute(
      bed.server.platform.database.db,
    );
    expect(rows.map((r) => r.available_on)).toEqual(['2028-12-07']);
    const judged = bed.services.program.settings.businessCalendar.judge('2028-12-07');
    expect(judged).toEqual({ businessDay: true, assumed: true });
  });
});
