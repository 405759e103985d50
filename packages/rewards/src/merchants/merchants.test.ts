import { type Platform, tables, ValidationError } from '@plaza/kernel';
import { createTestPlatform, type TestPlatform, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rewardsProduct } from '../product.ts';
import { CUBE_PROGRAM } from '../program/cube-program.ts';
import { CUBE_MERCHANTS } from './cube-merchants.ts';
import { createMerchantDirectory, type MerchantDirectory, parseMerchantIds } from './service.ts';
import { createMerchantStore, type RewardsMerchantTables } from './store.ts';

const ADMIN = '01900000-0000-7000-8000-000000000001';
const names = (zhTW: string, en: string) => ({ 'zh-TW': zhTW, en });

/** Every merchant id any channel of any version of the program names. */
function programMerchantIds(): Set<string> {
  return new Set(
    CUBE_PROGRAM.plans.flatMap((plan) =>
      plan.versions.flatMap((v) => v.channels.flatMap((c) => c.rules.flatMap((r) => r.merchantIds ?? []))),
    ),
  );
}

describe('the CUBE merchant seed', () => {
  it('names every merchant id the default program’s channels name, and nothing else, once each', () => {
    const seeded = CUBE_MERCHANTS.map((m) => m.id);
    expect(new Set(seeded).size).toBe(seeded.length);
    expect(new Set(seeded)).toEqual(programMerchantIds());
  });

  it('writes the department stores as the bank does', () => {
    const byId = new Map(CUBE_MERCHANTS.map((m) => [m.id, m]));
    expect(byId.get('far-eastern-sogo')?.names).toEqual(names('遠東SOGO', 'Far Eastern SOGO'));
    expect(byId.get('shin-kong-mitsukoshi')?.names).toEqual(names('新光三越', 'Shin Kong Mitsukoshi'));
  });
});

describe('parseMerchantIds', () => {
  it('trims, drops blanks and repeats', () => {
    expect(parseMerchantIds(' netflix,,spotify , netflix,')).toEqual(['netflix', 'spotify']);
    expect(parseMerchantIds('')).toEqual([]);
  });

  it('refuses an id a network event could not carry, and more than 100 ids, naming the ids field', () => {
    for (const text of [
      'netflix,新光三越',
      'a b',
      Array.from({ length: 101 }, (_, i) => `m${i}`).join(','),
    ]) {
      expect(() => parseMerchantIds(text)).toThrow(ValidationError);
      try {
        parseMerchantIds(text);
      } catch (error) {
        expect((error as ValidationError).fields.map((f) => f.field)).toEqual(['ids']);
      }
    }
  });
});

describe.each(testDatabases())('the merchant directory ($name)', (target) => {
  let test: TestPlatform;
  let platform: Platform;
  let directory: MerchantDirectory;
  const db = () => tables<RewardsMerchantTables>(platform);
  const allRows = () => db().selectFrom('rewards_merchants').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    // Only the migrations: the directory is built by hand, starting empty.
    test = await createTestPlatform(target, [rewardsProduct()]);
    platform = test.platform;
    directory = createMerchantDirectory({ store: createMerchantStore(db()), clock: test.clock });
  });
  afterAll(async () => test?.close());
  beforeEach(async () => {
    await db().deleteFrom('rewards_merchants').execute();
    test.clock.set(Date.UTC(2026, 2, 1));
  });

  it('seeds every CUBE merchant once; a second run and a run after a rename change nothing', async () => {
    expect(await directory.seed(CUBE_MERCHANTS)).toBe(CUBE_MERCHANTS.length);
    const first = await allRows();
    expect(first).toHaveLength(CUBE_MERCHANTS.length);
    expect(await directory.seed(CUBE_MERCHANTS)).toBe(0);
    expect(await allRows()).toEqual(first);

    await directory.put(
      'far-eastern-sogo',
      { names: names('遠東SOGO百貨', 'Far Eastern SOGO Dept. Store') },
      ADMIN,
    );
    const renamed = await allRows();
    expect(await directory.seed(CUBE_MERCHANTS)).toBe(0);
    expect(await allRows()).toEqual(renamed);
    const [sogo] = await directory.byIds(['far-eastern-sogo']);
    expect(sogo?.names).toEqual(names('遠東SOGO百貨', 'Far Eastern SOGO Dept. Store'));
    expect(sogo?.mcc).toBe(5311);
  });

  it('answers the known ones among the ids asked for, in id order', async () => {
    await directory.seed(CUBE_MERCHANTS);
    const found = await directory.byIds(['shin-kong-mitsukoshi', 'no-such-shop', 'far-eastern-sogo']);
    expect(found.map((m) => [m.id, m.names['zh-TW']])).toEqual([
      ['far-eastern-sogo', '遠東SOGO'],
      ['shin-kong-mitsukoshi', '新光三越'],
    ]);
    expect(await directory.byIds([])).toEqual([]);
  });

  it('creates, then renames keeping the code unless told, and writing the same names changes nothing', async () => {
    const created = await directory.put(
      'hotels-com',
      { names: names(' Hotels.com ', 'Hotels.com'), mcc: 4722 },
      ADMIN,
    );
    expect(created.created).toBe(true);
    expect(created.merchant).toEqual({
      id: 'hotels-com',
      names: names('Hotels.com', 'Hotels.com'),
      mcc: 4722,
      updatedAt: Date.UTC(2026, 2, 1),
    });

    test.clock.set(Date.UTC(2026, 2, 2));
    const same = await directory.put('hotels-com', { names: names('Hotels.com', 'Hotels.com') }, ADMIN);
    expect(same).toEqual({ merchant: created.merchant, created: false });

    const renamed = await directory.put('hotels-com', { names: names('好訂網', 'Hotels.com') }, ADMIN);
    expect(renamed.created).toBe(false);
    expect(renamed.merchant).toMatchObject({
      names: names('好訂網', 'Hotels.com'),
      mcc: 4722,
      updatedAt: Date.UTC(2026, 2, 2),
    });
    const cleared = await directory.put(
      'hotels-com',
      { names: names('好訂網', 'Hotels.com'), mcc: null },
      ADMIN,
    );
    expect(cleared.merchant.mcc).toBeNull();
    const [row] = await allRows();
    expect(row).toMatchObject({ created_at: Date.UTC(2026, 2, 1), updated_by: ADMIN });
  });

  it('refuses blank, over-long and control-character names, bad ids and codes, field by field, writing nothing', async () => {
    await directory.seed(CUBE_MERCHANTS);
    const before = await allRows();
    const cases: [string, Parameters<MerchantDirectory['put']>[1], string[]][] = [
      ['netflix', { names: names('  ', 'Netflix') }, ['/names/zh-TW']],
      ['netflix', { names: names('網飛', '') }, ['/names/en']],
      ['netflix', { names: names('網'.repeat(101), 'Netflix') }, ['/names/zh-TW']],
      ['netflix', { names: names('網飛', 'Net\u0007flix') }, ['/names/en']],
      ['net flix', { names: names('網飛', 'Netflix') }, ['merchantId']],
      ['netflix', { names: names('網飛', 'Netflix'), mcc: 10_000 }, ['/mcc']],
      ['', { names: names('', '') }, ['merchantId', '/names/zh-TW', '/names/en']],
    ];
    for (const [id, input, fields] of cases) {
      const error = await directory.put(id, input, ADMIN).catch((e: unknown) => e);
      expect(error, `${id} ${JSON.stringify(input)}`).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields.map((f) => f.field)).toEqual(fields);
    }
    expect(await allRows()).toEqual(before);
  });

  it('pages through the whole directory in id order with opaque cursors; a forged cursor is refused', async () => {
    await directory.seed(CUBE_MERCHANTS);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await directory.page(cursor, 7);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((m) => m.id));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(CUBE_MERCHANTS.map((m) => m.id).sort());
    const forged = await directory.page(Buffer.from('a b').toString('base64url'), 7).catch((e: unknown) => e);
    expect(forged).toMatchObject({ code: 'invalid_cursor' });
  });

  it('two admins naming the same new merchant at once leave one row with one of their names', async () => {
    const results = await Promise.all([
      directory.put('line-pay', { names: names('LINE Pay', 'LINE Pay') }, ADMIN),
      directory.put('line-pay', { names: names('LINE Pay 一卡通', 'LINE Pay Money') }, ADMIN),
    ]);
    const rows = await allRows();
    expect(rows).toHaveLength(1);
    expect(results.map((r) => r.merchant.names['zh-TW'])).toContain(rows[0]?.name_zh_tw);
  });
});
