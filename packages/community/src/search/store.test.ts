import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PlazaProduct, tables } from '@plaza/kernel';
import { createTestPlatform, type TestPlatform, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchStore, type SearchDocument, type SearchStore, type SearchTables } from './store.ts';
import { documentTokens, type QueryTerm, queryTerms } from './text.ts';

// Only this module's migrations: the index has no foreign keys into other modules.
const searchOnly: PlazaProduct = {
  name: 'search-store-test',
  migrationRoots: [path.dirname(fileURLToPath(import.meta.url))],
  register: async () => {},
};

const BASE_MS = Date.UTC(2026, 0, 10);
const TEXTS = [
  '台灣美食地圖：台北夜市必吃小吃',
  '台湾美食推荐，上海的小笼包也好吃',
  '臺灣的牛肉麵與珍珠奶茶',
  '週末去高雄看海，順便吃海鮮',
  '周末去杭州西湖散步，喝龙井茶',
  '我的咖啡廳日記：台北最好喝的拿鐵',
  '北京烤鸭和炸酱面的做法',
  'Best café in Taipei for remote work',
  'Running along the Tamsui river at sunrise',
  'She runs every morning before the café opens',
  'Cafe hopping in Shanghai: five cozy places',
  'Night market food guide — stinky tofu and bubble tea',
  'TikTokRefugee says hello 你好 from Ohio',
  'Learning Chinese: 我在學中文，學了三個月',
  '學習英文的方法 English learning tips',
  'Bubble tea 珍珠奶茶 ranking 2026',
  "O'Reilly's guide to SQL: SELECT * FROM notes WHERE 1=1",
  'NEAR the river "quoted" words and a-b-c',
  '日本東京タワー旅行記',
  'Crème brûlée recipe, très facile',
];
const QUERIES = [
  '台湾美食',
  '台灣美食',
  '美食',
  '小籠包',
  '牛肉面',
  '珍珠奶茶',
  '台北',
  '吃',
  '咖啡',
  '海鲜',
  'cafe',
  'Café',
  'CAFÉ',
  'runs',
  'Running',
  'runn',
  'river run',
  'bubble tea',
  'tiktokrefugee',
  '学中文',
  'english',
  "' OR 1=1 --",
  'SELECT * FROM',
  'NEAR(river',
  '"quoted',
  'a-b-c',
  '-river',
  'river*',
  "tea & !bubble | (x:y) <-> 'z'",
  '東京',
  'creme brulee',
  'zzzz nothing matches',
];

function corpus(): SearchDocument[] {
  return TEXTS.map((text, i) => ({
    kind: 'note' as const,
    refId: `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`,
    authorId: `author-${i % 4}`,
    label: '',
    sortCount: 0,
    // Pairs share a timestamp so the id decides their order.
    createdAt: BASE_MS + Math.floor(i / 2) * 60_000,
    tokens: documentTokens(text),
  }));
}

/** All ids a query returns, walking pages of three through the keyset cursor. */
async function allPages(store: SearchStore, terms: QueryTerm[]): Promise<string[]> {
  const ids: string[] = [];
  let after = null;
  for (let round = 0; round < 20; round += 1) {
    const rows = await store.search('note', terms, after, 3);
    ids.push(...rows.map((r) => r.ref_id));
    const last = rows.at(-1);
    if (rows.length < 3 || !last) break;
    after = { sortCount: last.sort_count, createdAt: last.created_at, refId: last.ref_id };
  }
  return ids;
}

/** What the databases must answer, computed here from the same tokens. */
function reference(docs: SearchDocument[], terms: QueryTerm[]): string[] {
  return docs
    .filter((d) =>
      terms.every((t) =>
        t.alternatives.some((a) => d.tokens.some((tok) => (t.prefix ? tok.startsWith(a) : tok === a))),
      ),
    )
    .sort((a, b) => b.createdAt - a.createdAt || (a.refId < b.refId ? 1 : -1))
    .map((d) => d.refId);
}

describe('search index on every database', () => {
  const targets = testDatabases();
  const stores = new Map<string, SearchStore>();
  const platforms: TestPlatform[] = [];
  const docs = corpus();

  beforeAll(async () => {
    for (const target of targets) {
      const test = await createTestPlatform(target, [searchOnly]);
      platforms.push(test);
      const store = createSearchStore(tables<SearchTables>(test.platform));
      for (const doc of docs) await store.upsert(doc);
      // Replayed events: upserting again must not duplicate anything.
      for (const doc of docs.slice(0, 5)) await store.upsert(doc);
      stores.set(target.name, store);
    }
  });
  afterAll(async () => {
    for (const test of platforms) await test.close();
  });

  it('gives the same ids in the same order on SQLite (FTS5) and PostgreSQL (tsvector)', async () => {
    const answers: Record<string, Record<string, string[]>> = {};
    for (const [name, store] of stores) {
      answers[name] = {};
      for (const query of QUERIES) answers[name][query] = await allPages(store, queryTerms(query));
    }
    for (const query of QUERIES) {
      const expected = reference(docs, queryTerms(query));
      for (const name of stores.keys()) expect(answers[name]![query], `${name}: ${query}`).toEqual(expected);
    }
    expect(stores.size).toBe(targets.length);
    if (stores.size === 2) expect(answers.postgres).toEqual(answers.sqlite);
    // The corpus really exercises matching: most queries find something, one finds nothing.
    expect(Object.values(answers.sqlite!).filter((ids) => ids.length > 0).length).toBeGreaterThan(25);
    expect(answers.sqlite!['zzzz nothing matches']).toEqual([]);
  });

  it('finds 台灣美食 and 台湾美食 from either script', async () => {
    for (const store of stores.values()) {
      const simplified = await allPages(store, queryTerms('台湾美食'));
      const traditional = await allPages(store, queryTerms('台灣美食'));
      expect(simplified).toEqual(traditional);
      expect(simplified).toEqual(expect.arrayContaining([docs[0]!.refId, docs[1]!.refId]));
    }
  });

  it('matches English by stem, case and accent', async () => {
    for (const store of stores.values()) {
      const runs = await allPages(store, queryTerms('runs'));
      expect(runs.sort()).toEqual([docs[8]!.refId, docs[9]!.refId].sort());
      expect(await allPages(store, queryTerms('CAFÉ'))).toEqual(await allPages(store, queryTerms('cafe')));
    }
  });

  it('removes documents from the full-text index too', async () => {
    for (const store of stores.values()) {
      await store.remove('note', [docs[0]!.refId]);
      expect(await allPages(store, queryTerms('台灣美食'))).toEqual([docs[1]!.refId]);
      await store.upsert(docs[0]!);
      expect(await allPages(store, queryTerms('台灣美食'))).toHaveLength(2);
    }
  });
});
