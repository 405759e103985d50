import { tables } from '@plaza/kernel';
import { createTestServer, signUpForTest, type TestServer, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BlocksTables, createBlocksStore } from '../blocks/store.ts';
import { communityProduct } from '../index.ts';
import { createLikesStore } from '../social/likes/store.ts';
import type { SocialTables } from '../social/shared/tables.ts';
import { testMediaEnv } from '../test-helpers.ts';
import { createFeedStore, type FeedTables, type TimelineRow } from './store.ts';

const noteId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/**
 * The background re-reads of the card caches read many readers in one query each: timeline
 * heads, block lists and likes. Each answer must equal what the one-reader query answers.
 */
describe.each(testDatabases())('batched reads for cache refreshes on $name', (target) => {
  let server: TestServer;
  const accounts: string[] = [];

  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct()], {
      ...testMediaEnv(),
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
    });
    for (let i = 0; i < 4; i += 1) accounts.push((await signUpForTest(server.app, `batch_${i}`)).id);
  });
  afterAll(() => server.close());

  it('reads each account’s timeline head as its own page would, ties in time included', async () => {
    const store = createFeedStore(tables<FeedTables>(server.platform));
    const [a, b, c, empty] = accounts as [string, string, string, string];
    const rows: TimelineRow[] = [];
    for (let i = 0; i < 12; i += 1) {
      for (const account of [a, b, c]) {
        rows.push({
          account_id: account,
          note_id: noteId(i),
          author_id: a,
          created_at: 1_000 + Math.floor(i / 3),
        });
      }
    }
    await store.insertTimeline(rows);
    const heads = await store.timelineHeads([a, b, c, empty], 5);
    expect([...heads.keys()]).toEqual([a, b, c, empty]);
    for (const account of [a, b, c]) {
      const page = await store.timelinePage(account, null, 5);
      expect(heads.get(account)?.map(({ account_id, ...row }) => row)).toEqual(page);
    }
    expect(heads.get(empty)).toEqual([]);
    expect(await store.timelineHeads([], 5)).toEqual(new Map());
  });

  it('reads each account’s block list both ways, as the one-account query does', async () => {
    const store = createBlocksStore(tables<BlocksTables>(server.platform));
    const [a, b, c, d] = accounts as [string, string, string, string];
    await store.insert(a, b, 1);
    await store.insert(c, a, 2);
    await store.insert(b, c, 3);
    const lists = await store.relatedMany([a, b, d]);
    for (const account of [a, b]) {
      expect([...(lists.get(account) ?? [])].sort()).toEqual((await store.related(account)).sort());
    }
    expect(lists.has(d)).toBe(false);
    expect(lists.has(c)).toBe(false);
  });

  it('reads several accounts’ likes among their own notes in one query', async () => {
    const store = createLikesStore(tables<SocialTables>(server.platform));
    const [a, b, c] = accounts as [string, string, string];
    await store.transaction(async (trx) => {
      await store.insert(a, noteId(1), 1, trx);
      await store.insert(a, noteId(2), 1, trx);
      await store.insert(b, noteId(2), 1, trx);
    });
    const liked = await store.likedAmongMany([
      { accountId: a, noteIds: [noteId(1), noteId(3)] },
      { accountId: b, noteIds: [noteId(1), noteId(2)] },
      { accountId: c, noteIds: [noteId(1)] },
      { accountId: a, noteIds: [] },
    ]);
    expect([...(liked.get(a) ?? [])]).toEqual([noteId(1)]);
    expect([...(liked.get(b) ?? [])]).toEqual([noteId(2)]);
    expect(liked.has(c)).toBe(false);
    expect(await store.likedAmongMany([])).toEqual(new Map());
  });
});
