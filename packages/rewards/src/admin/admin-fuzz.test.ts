import { testDatabases } from '@plaza/kernel/testing';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RewardsTestBed, startRewards } from './test-support.ts';

/**
 * The whole-API fuzz test signs in as a cardholder, so admin routes answer it 403 before
 * reading a byte. Here the admin sends near-valid payloads with one field broken at a time (and
 * whole random values): every answer must be < 500, and a refusal must change no row.
 */
const TABLES = [
  'rewards_programs',
  'rewards_plans',
  'rewards_plan_versions',
  'rewards_shelf',
  'rewards_program_changes',
  'rewards_card_levels',
  'rewards_card_flags',
];

const VERSION = {
  id: 'fuzz-version',
  names: { 'zh-TW': '測試', en: 'Test' },
  validFrom: '2026-05-01',
  validTo: '2026-05-31',
  eligibility: { kind: 'flag', flag: 'kids' },
  channels: [
    {
      id: 'c1',
      names: { 'zh-TW': '通路', en: 'Channel' },
      rules: [{ mcc: [5812, [5811, 5814]], region: 'domestic' }],
      rate: { kind: 'by_level', bps: { '1': 200, '2': 300, '3': 330 } },
    },
  ],
  caps: [{ id: 'cap', scope: { kind: 'channel', channelId: 'c1' }, period: 'month', limitPoints: 100 }],
};
const PREVIEW = {
  transaction: {
    amount: 100000,
    currency: 'JPY',
    billedAmountTwd: 21000,
    merchant: { id: 'm', name: 'M', mcc: '5812', country: 'JP', presence: 'in_person' },
    transactionAt: '2026-03-10T12:00:00+08:00',
    installments: { count: 3, index: 1 },
  },
  card: { level: 2, birthMonth: 3, flags: { kids: '2026-01-01' } },
};

const weird = fc.oneof(
  fc.constantFrom(
    null,
    -1,
    0,
    1e300,
    2 ** 53,
    '',
    'x'.repeat(300),
    '2026-13-45',
    '9999-12-31',
    '0000-01-01',
    [],
    {},
    true,
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

/** Paths to every leaf and object of a value. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => paths(v, [...at, k]))];
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head as string] = setAt(copy[head as string], rest, replacement);
  return copy;
}

const mutated = (base: unknown) =>
  fc
    .tuple(fc.constantFrom(...paths(base)), weird)
    .map(([path, replacement]) => setAt(base, path, replacement));

describe.each(testDatabases())('admin routes under bad input ($name)', (target) => {
  let bed: RewardsTestBed;
  let cardId: string;
  beforeAll(async () => {
    bed = await startRewards(target);
    const holder = await bed.holder('fuzzed');
    cardId = (await bed.issue(holder.handle)).id;
  });
  afterAll(async () => bed?.server.close());

  async function rows(): Promise<unknown[]> {
    const db = bed.server.platform.database.db;
    const all: unknown[] = [];
    for (const table of TABLES)
      all.push((await sql`select * from ${sql.table(table)} order by 1`.execute(db)).rows);
    return all;
  }

  it('never answers 500, and a refusal writes nothing', async () => {
    const { id: _id, ...terms } = VERSION;
    const routes: [string, string, unknown][] = [
      ['POST', '/api/rewards/v1/admin/plans', { id: 'fuzz-plan', names: { 'zh-TW': '測', en: 'T' } }],
      ['POST', '/api/rewards/v1/admin/plans/digital/versions', VERSION],
      [
        'PUT',
        '/api/rewards/v1/admin/versions/digital-2026h2',
        { ...terms, validFrom: '2026-07-01', validTo: '2026-12-31' },
      ],
      [
        'POST',
        '/api/rewards/v1/admin/versions/digital-2026h2/schedule',
        { onShelfAt: '2026-07-01T00:00:00+08:00', offShelfAt: null },
      ],
      [
        'POST',
        '/api/rewards/v1/admin/versions/digital-2026h1/withdraw',
        { offShelfAt: '2026-06-01T00:00:00+08:00' },
      ],
      ['POST', '/api/rewards/v1/admin/plans/travel/withdraw', { offShelfAt: '2026-06-01T00:00:00+08:00' }],
      ['POST', '/api/rewards/v1/admin/preview', PREVIEW],
      ['POST', `/api/rewards/v1/admin/cards/${cardId}/level`, { level: 3, reason: 'r' }],
      ['POST', `/api/rewards/v1/admin/cards/${cardId}/flags`, { flag: 'kids' }],
    ];
    for (const [method, url, base] of routes) {
      // The unbroken payload works, so the broken ones are refused for what was broken.
      const valid = await bed.asAdmin(method as 'POST', url, base);
      expect(valid.statusCode, `${url} ${valid.body}`).toBeLessThan(300);
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutated(base), weird), async (payload) => {
          const before = await rows();
          const response = await bed.asAdmin(method as 'POST', url, payload);
          const where = `${method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} -> ${response.statusCode} ${response.body.slice(0, 200)}`;
          expect(response.statusCode, where).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.headers['content-type'], where).toContain('application/problem+json');
            expect(await rows(), where).toEqual(before);
          }
        }),
        { numRuns: 40 },
      );
    }
  }, 300_000);
});
