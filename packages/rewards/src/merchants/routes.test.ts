import { bearer, testDatabases } from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from '../admin/test-support.ts';
import { CUBE_MERCHANTS } from './cube-merchants.ts';

const MERCHANTS = '/api/rewards/v1/merchants';
const ADMIN_MERCHANTS = '/api/rewards/v1/admin/merchants';
const names = (zhTW: string, en: string) => ({ 'zh-TW': zhTW, en });

interface Page {
  items: { id: string; names: { 'zh-TW': string; en: string }; mcc: number | null; updatedAt: number }[];
  nextCursor: string | null;
}

describe.each(testDatabases())('the merchant directory API ($name)', (target) => {
  let bed: RewardsTestBed;
  beforeAll(async () => {
    bed = await startRewards(target);
  });
  afterAll(async () => bed?.server.close());

  const get = async (query: string) => bed.server.app.inject({ url: `${MERCHANTS}${query}` });
  const rows = async () =>
    (await sql`select * from rewards_merchants order by id`.execute(bed.server.platform.database.db)).rows;

  it('answers anyone the names of the ids asked for, leaving unknown ids out', async () => {
    const response = await get('?ids=shin-kong-mitsukoshi,far-eastern-sogo,not-yet-named');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        {
          id: 'far-eastern-sogo',
          names: names('遠東SOGO', 'Far Eastern SOGO'),
          mcc: 5311,
          updatedAt: expect.any(Number),
        },
        {
          id: 'shin-kong-mitsukoshi',
          names: names('新光三越', 'Shin Kong Mitsukoshi'),
          mcc: 5311,
          updatedAt: expect.any(Number),
        },
      ],
      nextCursor: null,
    });
  });

  it('pages through the seeded directory', async () => {
    const ids: string[] = [];
    let query = '?limit=20';
    for (let guard = 0; guard < 20; guard++) {
      const page = (await get(query)).json() as Page;
      ids.push(...page.items.map((m) => m.id));
      if (!page.nextCursor) break;
      query = `?limit=20&cursor=${page.nextCursor}`;
    }
    expect(ids).toEqual(CUBE_MERCHANTS.map((m) => m.id).sort());
  });

  it('refuses bad lists with the field at fault', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => `m${i}`).join(',');
    const cases: [string, string][] = [
      ['?ids=netflix,a%20b', 'ids'],
      [`?ids=${tooMany}`, 'ids'],
      ['?ids=netflix&cursor=abc', 'cursor'],
      ['?cursor=%21%21', 'cursor'],
      ['?limit=1000', 'querystring:/limit'],
      ['?colour=red', 'querystring:/colour'],
    ];
    for (const [query, field] of cases) {
      const response = await get(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('lets only admins name merchants: 401 anonymous, 403 cardholder, nothing written', async () => {
    const before = await rows();
    const body = { names: names('網飛', 'Netflix') };
    const anonymous = await bed.server.app.inject({
      method: 'PUT',
      url: `${ADMIN_MERCHANTS}/netflix`,
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    const holder = await bed.holder('shopper');
    const cardholder = await bed.server.app.inject({
      method: 'PUT',
      url: `${ADMIN_MERCHANTS}/netflix`,
      headers: bearer(holder.token),
      payload: body,
    });
    expect(cardholder.statusCode).toBe(403);
    expect(cardholder.json().code).toBe('role_required');
    expect(await rows()).toEqual(before);
  });

  it('creates with 201, renames with 200, and the public list shows the new names', async () => {
    const created = await bed.asAdmin('PUT', `${ADMIN_MERCHANTS}/hotels-com`, {
      names: names('Hotels.com', 'Hotels.com'),
      mcc: 4722,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'hotels-com', mcc: 4722 });
    const renamed = await bed.asAdmin('PUT', `${ADMIN_MERCHANTS}/hotels-com`, {
      names: names('好訂網', 'Hotels.com'),
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ names: names('好訂網', 'Hotels.com'), mcc: 4722 });
    const listed = (await get('?ids=hotels-com')).json() as Page;
    expect(listed.items.map((m) => m.names['zh-TW'])).toEqual(['好訂網']);
  });

  it('refuses invalid writes field by field as problem+json and writes nothing', async () => {
    const before = await rows();
    const cases: [string, unknown, string[]][] = [
      ['netflix', { names: { 'zh-TW': '網飛' } }, ['/names/en']],
      ['netflix', { names: names('   ', 'Netflix') }, ['/names/zh-TW']],
      ['netflix', { names: names('網'.repeat(101), 'Netflix') }, ['/names/zh-TW']],
      ['netflix', { names: names('網飛', 'Net\u0000flix') }, ['/names/en']],
      ['netflix', { names: names('網飛', 'Netflix'), mcc: '4899' }, ['/mcc']],
      ['netflix', { names: names('網飛', 'Netflix'), logo: 'x.png' }, ['/logo']],
      ['net%20flix', { names: names('網飛', 'Netflix') }, ['params:/merchantId']],
      ['a'.repeat(65), { names: names('網飛', 'Netflix') }, ['params:/merchantId']],
    ];
    for (const [id, payload, fields] of cases) {
      const response = await bed.asAdmin('PUT', `${ADMIN_MERCHANTS}/${id}`, payload);
      expect(response.statusCode, `${id} ${JSON.stringify(payload)}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors.map((e: { field: string }) => e.field).slice(0, fields.length)).toEqual(fields);
    }
    expect(await rows()).toEqual(before);
  });

  it('lets a plan version name a merchant the directory does not know (acquirers’ lists come first)', async () => {
    const version = await bed.asAdmin('POST', '/api/rewards/v1/admin/plans/digital/versions', {
      names: names('玩數位', 'Digital'),
      validFrom: '2027-01-01',
      validTo: '2027-06-30',
      eligibility: { kind: 'everyone' },
      channels: [
        {
          id: 'digital.ai-tools',
          names: names('AI 工具', 'AI tools'),
          rules: [{ merchantIds: ['chatgpt', 'perplexity'] }],
          rate: { kind: 'flat', bps: 300 },
        },
      ],
      caps: [],
    });
    expect(version.statusCode, version.body).toBe(201);
    const known = (await get('?ids=chatgpt,perplexity')).json() as Page;
    expect(known.items.map((m) => m.id)).toEqual(['chatgpt']);
  });

  it('documents both routes in the OpenAPI document, under the Rewards tags', async () => {
    const doc = (await bed.server.app.inject({ url: '/api/docs/json' })).json();
    expect(doc.paths['/api/rewards/v1/merchants'].get.tags).toEqual(['rewards']);
    expect(doc.paths['/api/rewards/v1/admin/merchants/{merchantId}'].put.tags).toEqual(['rewards-admin']);
  });
});
