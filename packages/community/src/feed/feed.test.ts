import { tables } from '@plaza/kernel';
import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../contracts.ts';
import { createTestNote } from '../test-helpers.ts';
import { createFeedStore, type FeedTables } from './store.ts';
import { type FeedTestServer, startFeedTestServer, type TestUser as User } from './test-setup.ts';
import { createTimelineWriter } from './timeline.ts';

interface NotePage {
  items: NoteView[];
  nextCursor: string | null;
}

describe.each(testDatabases())('following feed, topics and profiles on $name', (target) => {
  let t: FeedTestServer;
  let ann: User;
  let bob: User;
  let cho: User;
  let dan: User;

  beforeAll(async () => {
    t = await startFeedTestServer(target);
    ann = await t.signUp('ann_feed', 'en');
    bob = await t.signUp('bob_feed', 'zh-TW');
    cho = await t.signUp('cho_feed', 'zh-CN');
    dan = await t.signUp('dan_feed', 'en');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, user?: User) => t.request(method, url, user);
  const getPage = async (url: string, user?: User): Promise<NotePage> => {
    const res = await call('GET', url, user);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as NotePage;
  };
  const post = async (user: User, title: string, topics: string[] = [], status?: 'draft') => {
    t.server.clock.advance(1_000);
    return createTestNote(t.server.app, user.token, { title, topics, ...(status ? { status } : {}) });
  };
  const follow = async (who: User, handle: string) =>
    expect((await call('POST', `/api/v1/accounts/${handle}/follow`, who)).statusCode).toBe(200);

  /** Every page of a list, following nextCursor; `between` runs after each page. */
  async function walk(url: string, user: User | undefined, limit: number, between?: () => Promise<void>) {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let round = 0; round < 50; round += 1) {
      const sep = url.includes('?') ? '&' : '?';
      const page = await getPage(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, user);
      ids.push(...page.items.map((n) => n.id));
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
      await between?.();
    }
    throw new Error('pagination did not end');
  }

  it('shows followed accounts and my own notes, newest first, pages stable under new posts', async () => {
    await follow(ann, 'bob_feed');
    await follow(ann, 'cho_feed');
    const older: string[] = [];
    for (let i = 0; i < 4; i += 1) older.push((await post(bob, `bob ${i}`)).id);
    older.push((await post(ann, 'ann own')).id);
    // Several notes in one millisecond: the id breaks the tie.
    for (let i = 0; i < 3; i += 1)
      older.push((await createTestNote(t.server.app, cho.token, { title: `cho ${i}` })).id);
    await post(dan, 'dan is not followed');

    const expected = [...older].reverse();
    const fresh: string[] = [];
    const seen = await walk('/api/v1/feed/following', ann, 3, async () => {
      fresh.push((await post(bob, `bob new ${fresh.length}`)).id);
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
    // The new notes are all there on a fresh read, on top.
    expect(fresh.length).toBeGreaterThan(1);
    const first = await getPage(`/api/v1/feed/following?limit=${fresh.length + 1}`, ann);
    expect(first.items.map((n) => n.id)).toEqual([...[...fresh].reverse(), expected[0]]);
  });

  it('backfills on follow, and forgets on unfollow, block and delete', async () => {
    const danNote = await post(dan, 'dan before follow');
    await follow(ann, 'dan_feed');
    const ids = async () => (await walk('/api/v1/feed/following', ann, 100)).join(' ');
    expect(await ids()).toContain(danNote.id);

    expect((await call('DELETE', '/api/v1/accounts/dan_feed/follow', ann)).statusCode).toBe(200);
    expect(await ids()).not.toContain(danNote.id);

    const choNote = await post(cho, 'cho before block');
    expect(await ids()).toContain(choNote.id);
    expect((await call('POST', '/api/v1/accounts/ann_feed/block', cho)).statusCode).toBe(200);
    expect(await ids()).not.toContain(choNote.id);

    const bobNote = await post(bob, 'bob deletes this');
    expect(await ids()).toContain(bobNote.id);
    expect((await call('DELETE', `/api/v1/notes/${bobNote.id}`, bob)).statusCode).toBeLessThan(300);
    expect(await ids()).not.toContain(bobNote.id);
  });

  it('keeps each timeline to its cap, whatever the events replayed', async () => {
    const store = createFeedStore(tables<FeedTables>(t.server.platform));
    const writer = createTimelineWriter(store, t.modules.notes, t.modules.social.service, {
      capPerAccount: 3,
      trimEvery: 1,
      fanOutBatch: 2,
      backfillNotes: 10,
    });
    const notes = [];
    for (let i = 0; i < 5; i += 1) notes.push(await post(bob, `capped ${i}`));
    const viewer = await t.signUp('eve_feed', 'en');
    for (const note of notes) {
      const event = {
        noteId: note.id,
        authorId: bob.id,
        createdAt: note.createdAt,
        topics: [],
        mentions: [],
      };
      await writer.onNotePublished(event);
      await writer.onNotePublished(event);
    }
    await writer.onFollowCreated({ followerId: viewer.id, followeeId: bob.id });
    expect(await store.countTimeline(viewer.id)).toBe(3);
    expect(await store.countTimeline(bob.id)).toBe(3);
    const rows = await store.timelinePage(viewer.id, null, 10);
    expect(rows.map((r) => r.note_id)).toEqual(
      notes
        .slice(-3)
        .reverse()
        .map((n) => n.id),
    );
  });

  it('pages a topic across both scripts, with its note count', async () => {
    const a = await post(bob, '夜市', ['台灣美食']);
    const b = await post(dan, 'night market', ['台湾美食']);
    await post(dan, 'draft', ['台湾美食'], 'draft');
    const page = await getPage(`/api/v1/topics/${encodeURIComponent('台灣美食')}?limit=1`, dan);
    expect(page.items.map((n) => n.id)).toEqual([b.id]);
    const body = page as NotePage & { topic: string; noteCount?: number };
    expect(body.noteCount).toBe(2);
    const rest = await getPage(
      `/api/v1/topics/${encodeURIComponent('#台湾美食')}?cursor=${page.nextCursor}`,
      dan,
    );
    expect(rest.items.map((n) => n.id)).toEqual([a.id]);
    expect(rest.nextCursor).toBeNull();
  });

  it("shows a profile's drafts only to its owner and nothing across a block", async () => {
    const draft = await post(dan, 'dan draft', [], 'draft');
    const published = await post(dan, 'dan public');
    const own = await walk('/api/v1/accounts/dan_feed/notes', dan, 2);
    expect(own).toContain(draft.id);
    const others = await walk('/api/v1/accounts/dan_feed/notes', bob, 2);
    expect(others).toContain(published.id);
    expect(others).not.toContain(draft.id);
    expect(await walk('/api/v1/accounts/dan_feed/notes', undefined, 100)).toEqual(others);
    // cho blocked ann earlier: each sees the other as missing.
    expect((await call('GET', '/api/v1/accounts/cho_feed/notes', ann)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/accounts/ann_feed/notes', cho)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/accounts/no_such_user/notes')).statusCode).toBe(404);
  });

  it('refuses bad paging input with a 400 and anonymous following with a 401', async () => {
    for (const url of [
      '/api/v1/feed/following?limit=0',
      '/api/v1/feed/following?limit=101',
      '/api/v1/feed/following?cursor=not-a-cursor',
      `/api/v1/feed/following?cursor=${Buffer.from("1.' OR 1=1 --").toString('base64url')}`,
      '/api/v1/feed/discover?cursor=abc',
      '/api/v1/feed/following?bogus=1',
    ]) {
      const res = await call('GET', url, ann);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call('GET', '/api/v1/feed/following')).statusCode).toBe(401);
  });
});
