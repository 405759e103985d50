import { bearer, testDatabases } from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { findPlan, planVersionOn } from '../program/lookup.ts';
import { type RewardsTestBed, startRewards } from './test-support.ts';

/** A plan the bank adds: 5% at two streaming services, for everyone. */
function streamingTerms(over: Record<string, unknown> = {}) {
  return {
    names: { 'zh-TW': '追劇趣', en: 'Streaming' },
    validFrom: '2026-03-01',
    validTo: '2026-06-30',
    eligibility: { kind: 'everyone' },
    channels: [
      {
        id: 'streaming.video',
        names: { 'zh-TW': '影音串流', en: 'Video streaming' },
        rules: [{ merchantIds: ['netflix', 'disney-plus'] }],
        rate: { kind: 'flat', bps: 500 },
      },
    ],
    caps: [{ id: 'monthly', scope: { kind: 'plan' }, period: 'month', limitPoints: 300 }],
    ...over,
  };
}

const PROGRAM_TABLES = [
  'rewards_programs',
  'rewards_plans',
  'rewards_plan_versions',
  'rewards_shelf',
  'rewards_program_changes',
];

describe.each(testDatabases())('the program as the bank manages it ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    bed = await startRewards(target);
  });
  afterAll(async () => bed?.server.close());

  /** Every row of the program tables, to prove a refusal wrote nothing. */
  async function programRows(): Promise<unknown[]> {
    const db = bed.server.platform.database.db;
    const all: unknown[] = [];
    for (const table of PROGRAM_TABLES) {
      all.push((await sql`select * from ${sql.table(table)} order by 1`.execute(db)).rows);
    }
    return all;
  }
  const planIds = async () =>
    (await bed.server.app.inject({ url: '/api/rewards/v1/plans' }))
      .json()
      .items.map((p: { id: string }) => p.id);

  it('every admin route answers 401 to anonymous callers and 403 to cardholders, and changes nothing', async () => {
    const user = await bed.holder('plain');
    const card = await bed.issue(user.handle);
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/rewards/v1/admin/catalog'],
      ['POST', '/api/rewards/v1/admin/plans', { id: 'sneaky', names: { 'zh-TW': '偷', en: 'Sneaky' } }],
      ['POST', '/api/rewards/v1/admin/plans/digital/versions', streamingTerms()],
      ['PUT', '/api/rewards/v1/admin/versions/digital-2026h2', streamingTerms()],
      ['POST', '/api/rewards/v1/admin/versions/digital-2026h2/schedule', {}],
      ['DELETE', '/api/rewards/v1/admin/versions/digital-2026h2/schedule'],
      ['POST', '/api/rewards/v1/admin/versions/digital-2026h1/withdraw', {}],
      ['POST', '/api/rewards/v1/admin/plans/digital/withdraw', {}],
      ['GET', `/api/rewards/v1/admin/cards/${card.id}`],
      ['POST', `/api/rewards/v1/admin/cards/${card.id}/level`, { level: 3 }],
      ['POST', `/api/rewards/v1/admin/cards/${card.id}/flags`, { flag: 'kids' }],
      ['DELETE', `/api/rewards/v1/admin/cards/${card.id}/flags/kids`],
    ];
    const before = await programRows();
    for (const [method, url, payload] of routes) {
      const request = {
        method: method as 'GET',
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      };
      const anonymous = await bed.server.app.inject(request);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      const asUser = await bed.server.app.inject({ ...request, headers: bearer(user.token) });
      expect(asUser.statusCode, `${method} ${url}`).toBe(403);
      expect(asUser.json().code).toBe('role_required');
    }
    expect(await programRows()).toEqual(before);
  });

  it('the catalog lists every plan and version, the 2024 flat 3% history included, with shelf states', async () => {
    const response = await bed.asAdmin('GET', '/api/rewards/v1/admin/catalog');
    expect(response.statusCode, response.body).toBe(200);
    const catalog = response.json();
    expect(catalog.plans.map((p: { id: string }) => p.id)).toEqual([
      'digital',
      'dining',
      'travel',
      'everyday',
      'birthday',
      'kids',
    ]);
    const digital = catalog.plans[0];
    expect(digital.state).toBe('on_shelf');
    const states = digital.versions.map((v: { id: string; state: string; editable: boolean }) => [
      v.id,
      v.state,
      v.editable,
    ]);
    expect(states).toEqual([
      ['digital-2024', 'ended', false],
      ['digital-2025', 'ended', false],
      ['digital-2026h1', 'on_shelf', false],
      // Scheduled from 2026-07-01: still the bank's to correct.
      ['digital-2026h2', 'scheduled', true],
    ]);
    expect(digital.versions[0].channels[0].rate).toEqual({ kind: 'flat', bps: 300 });
    expect(digital.versions[2].channels[0].rate).toEqual({
      kind: 'by_level',
      bps: { '1': 200, '2': 300, '3': 330 },
    });
    expect(digital.versions[3].shelf).toEqual({ onShelfAt: taipeiInstant('2026-07-01'), offShelfAt: null });
    expect(catalog.plans[4]).toMatchObject({ id: 'birthday', state: 'off_shelf' });
  });

  it('a new plan goes on the shelf at the scheduled instant, not a millisecond before, and is final from then', async () => {
    bed.at('2026-03-02', '09:00');
    const created = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans', {
      id: 'streaming',
      names: { 'zh-TW': '追劇趣', en: 'Streaming' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ id: 'streaming', state: 'off_shelf', versions: [] });
    const again = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans', {
      id: 'streaming',
      names: { 'zh-TW': '追', en: 'S' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('plan_exists');

    const added = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans/streaming/versions', {
      id: 'streaming-2026h1',
      ...streamingTerms(),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ state: 'draft', editable: true, shelf: null, effective: null });
    expect(await planIds()).not.toContain('streaming');

    const scheduled = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/streaming-2026h1/schedule', {
      onShelfAt: '2026-03-05T10:00:00+08:00',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({
      state: 'scheduled',
      shelf: { onShelfAt: taipeiInstant('2026-03-05', '10:00'), offShelfAt: null },
      effective: { from: '2026-03-05', to: '2026-06-30' },
    });

    const alice = await bed.holder('alice');
    const card = await bed.issue(alice.handle);
    const pick = () =>
      bed.server.app.inject({
        method: 'PUT',
        url: `/api/rewards/v1/cards/${card.id}/plan`,
        headers: bearer(alice.token),
        payload: { planId: 'streaming' },
      });
    bed.server.clock.set(taipeiInstant('2026-03-05', '10:00') - 1);
    expect(await planIds()).not.toContain('streaming');
    const early = await pick();
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('plan_not_available');
    // Still a correction before it starts.
    const corrected = await bed.asAdmin(
      'PUT',
      '/api/rewards/v1/admin/versions/streaming-2026h1',
      streamingTerms({
        caps: [],
      }),
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().caps).toEqual([]);

    bed.at('2026-03-05', '10:00');
    expect(await planIds()).toContain('streaming');
    const onTime = await pick();
    expect(onTime.statusCode, onTime.body).toBe(200);
    const locked = await bed.asAdmin(
      'PUT',
      '/api/rewards/v1/admin/versions/streaming-2026h1',
      streamingTerms(),
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('version_immutable');
    const moved = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/streaming-2026h1/schedule', {
      onShelfAt: '2026-03-06T00:00:00+08:00',
    });
    expect(moved.json().code).toBe('version_immutable');
    // The engine's program judges the whole day of the shelving by the new version.
    const plan = findPlan(bed.services.programs.current(), 'streaming');
    expect(plan && planVersionOn(plan, '2026-03-05')?.id).toBe('streaming-2026h1');
    expect(plan && planVersionOn(plan, '2026-03-04')).toBeUndefined();
  });

  it('an invalid program is refused with the check’s field-level messages, and nothing is written', async () => {
    bed.at('2026-03-06', '09:00');
    const before = await programRows();
    const channel = streamingTerms().channels[0];
    const cases: [unknown, string][] = [
      // Below the general 0.3%: a channel would pay less than ordinary spending.
      [streamingTerms({ channels: [{ ...channel, rate: { kind: 'flat', bps: 20 } }] }), '/channels/0/rate'],
      [streamingTerms({ channels: [{ ...channel, rules: [{}] }] }), '/channels/0/rules/0'],
      [
        streamingTerms({
          caps: [{ id: 'c', scope: { kind: 'channel', channelId: 'nope' }, period: 'month', limitPoints: 5 }],
        }),
        '/caps/0/scope',
      ],
      [streamingTerms({ validFrom: '2026-07-01', validTo: '2026-06-30' }), '/validFrom'],
      [streamingTerms({ validFrom: '2026-02-30' }), '/validFrom'],
    ];
    for (const [body, field] of cases) {
      const response = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans/streaming/versions', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe('program_invalid');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await programRows()).toEqual(before);
    // A window overlapping the plan's current version: refused when it would go on the shelf.
    const draft = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans/digital/versions', {
      id: 'digital-overlap',
      ...streamingTerms({ validFrom: '2026-06-01', validTo: '2026-12-31' }),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const afterDraft = await programRows();
    const snapshot = bed.services.programs.current();
    const overlap = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/digital-overlap/schedule', {
      onShelfAt: '2026-03-07T00:00:00+08:00',
    });
    expect(overlap.statusCode, overlap.body).toBe(400);
    expect(overlap.json().code).toBe('program_invalid');
    expect(overlap.json().errors[0]).toMatchObject({
      field: '/onShelfAt',
      message: expect.stringContaining('overlaps'),
    });
    expect(await programRows()).toEqual(afterDraft);
    // Bad request shapes never reach the service.
    const unknownField = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans/streaming/versions', {
      ...streamingTerms(),
      bonus: true,
    });
    expect(unknownField.statusCode).toBe(400);
    const noOffset = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/digital-overlap/schedule', {
      onShelfAt: '2026-03-07T00:00:00',
    });
    expect(noOffset.statusCode).toBe(400);
    expect(await programRows()).toEqual(afterDraft);
    expect(bed.services.programs.current()).toBe(snapshot);
  });

  it('a withdrawal takes a version off the shelf from its instant; the past cannot be changed', async () => {
    bed.at('2026-03-10', '09:00');
    const past = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/streaming-2026h1/withdraw', {
      offShelfAt: '2026-03-10T08:59:00+08:00',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'shelf_time_in_past', errors: [{ field: '/offShelfAt' }] });
    const withdrawn = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/streaming-2026h1/withdraw', {
      offShelfAt: '2026-03-20T00:00:00+08:00',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      state: 'on_shelf',
      effective: { from: '2026-03-05', to: '2026-03-19' },
    });

    bed.server.clock.set(taipeiInstant('2026-03-20') - 1);
    expect(await planIds()).toContain('streaming');
    bed.at('2026-03-20', '00:00');
    expect(await planIds()).not.toContain('streaming');
    const plan = findPlan(bed.services.programs.current(), 'streaming');
    expect(plan && planVersionOn(plan, '2026-03-19')?.id).toBe('streaming-2026h1');
    expect(plan && planVersionOn(plan, '2026-03-20')).toBeUndefined();
    const twice = await bed.asAdmin('POST', '/api/rewards/v1/admin/versions/streaming-2026h1/withdraw', {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('version_withdrawn');
    const catalog = (await bed.asAdmin('GET', '/api/rewards/v1/admin/catalog')).json();
    const streaming = catalog.plans.find((p: { id: string }) => p.id === 'streaming');
    expect(streaming).toMatchObject({
      state: 'off_shelf',
      versions: [{ state: 'withdrawn', editable: false }],
    });
  });

  it('withdrawing a whole plan ends what is offered and sends later versions back to draft', async () => {
    bed.at('2026-03-21', '09:00');
    const response = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans/everyday/withdraw', {
      offShelfAt: '2026-04-01T00:00:00+08:00',
    });
    expect(response.statusCode, response.body).toBe(200);
    const items = response
      .json()
      .items.map((v: { id: string; state: string; shelf: unknown }) => [v.id, v.state, v.shelf]);
    expect(items).toEqual([
      [
        'everyday-2026h1',
        'on_shelf',
        { onShelfAt: taipeiInstant('2026-01-01'), offShelfAt: taipeiInstant('2026-04-01') },
      ],
      ['everyday-2026h2', 'draft', null],
    ]);
    const plan = findPlan(bed.services.programs.current(), 'everyday');
    expect(plan?.versions.map((v) => [v.id, v.validTo])).toEqual([
      ['everyday-2024', '2024-12-31'],
      ['everyday-2025', '2025-12-31'],
      ['everyday-2026h1', '2026-03-31'],
    ]);
    // The log keeps who changed what, at which revision.
    const log = await sql<{ kind: string; subject_id: string; account_id: string; revision: number }>`
      select kind, subject_id, account_id, revision from rewards_program_changes order by revision desc`.execute(
      bed.server.platform.database.db,
    );
    expect(log.rows[0]).toMatchObject({
      kind: 'plan.withdraw',
      subject_id: 'everyday',
      account_id: bed.admin.id,
    });
    expect(Number(log.rows[0]?.revision)).toBe(bed.services.programs.catalog().revision);
  });
});
