import {
  collectExport,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteMeta, NotesApi } from '../contracts.ts';
import { communityProduct } from '../index.ts';
import type { CommunityModules } from '../modules.ts';
import { createTestNote, testMediaEnv, uploadTestImage } from '../test-helpers.ts';
import { topicKey } from './text.ts';

/** Every page of a list, following cursors; `between` runs after each page (concurrent writes). */
async function allPages(
  fetch: (cursor: string | undefined) => ReturnType<NotesApi['listByTopic']>,
  between: () => Promise<void> = async () => {},
): Promise<NoteMeta[]> {
  const items: NoteMeta[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard += 1) {
    const page = await fetch(cursor);
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
    await between();
  }
  throw new Error('pagination did not end');
}

describe.each(testDatabases())('notes lists and API on $name', (target) => {
  let server: TestServer;
  let modules: CommunityModules;

  beforeAll(async () => {
    server = await createTestServer(
      target,
      [
        communityProduct((m) => {
          modules = m;
        }),
      ],
      { ...testMediaEnv(), PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000' },
    );
  });
  afterAll(() => server.close());

  it('pages an author’s notes newest first, stable while new notes arrive', async () => {
    const author = await signUpForTest(server.app, 'prolific');
    const image = await uploadTestImage(server.app, author.token);
    const older: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      // Some notes share a millisecond: the id breaks the tie.
      if (i % 3 === 0) server.clock.advance(1000);
      older.push((await createTestNote(server.app, author.token, { title: `n${i}`, mediaIds: [image] })).id);
    }
    await createTestNote(server.app, author.token, { title: 'draft', mediaIds: [image], status: 'draft' });
    let inserted = 0;
    const seen = await allPages(
      (cursor) => modules.notes.listByAuthor(author.id, { cursor, limit: 2 }, false),
      async () => {
        inserted += 1;
        await createTestNote(server.app, author.token, { title: `new${inserted}`, mediaIds: [image] });
      },
    );
    expect(seen.map((n) => n.id)).toEqual(older.slice().reverse());
    expect(seen.every((n) => n.status === 'published' && n.authorId === author.id)).toBe(true);
    const withDrafts = await modules.notes.listByAuthor(author.id, { limit: 100 }, true);
    expect(withDrafts.items).toHaveLength(older.length + 1 + inserted);
    expect(await modules.notes.countByAuthor(author.id)).toBe(older.length + inserted);
  });

  it('finds a topic in either Chinese script, published notes only', async () => {
    const writer = await signUpForTest(server.app, 'foodie_tw', 'zh-TW');
    const other = await signUpForTest(server.app, 'foodie_cn', 'zh-CN');
    server.clock.advance(1000);
    const hant = await createTestNote(server.app, writer.token, { title: '夜市', body: '好吃 #台灣美食' });
    server.clock.advance(1000);
    const hans = await createTestNote(server.app, other.token, { title: '小吃', topics: ['台湾美食'] });
    await createTestNote(server.app, other.token, { title: '草稿', body: '#台湾美食', status: 'draft' });
    const gone = await createTestNote(server.app, writer.token, { title: '刪除', body: '#臺灣美食' });
    await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/notes/${gone.id}`,
      headers: { authorization: `Bearer ${writer.token}` },
    });
    expect(hant.language).toBe('zh-Hant');
    expect(hans.language).toBe('zh-Hans');
    for (const key of [topicKey('台灣美食'), topicKey('#台湾美食')]) {
      const found = await allPages((cursor) => modules.notes.listByTopic(key, { cursor, limit: 1 }));
      expect(found.map((n) => n.id)).toEqual([hans.id, hant.id]);
    }
  });

  it('keeps counters on the note and never below zero', async () => {
    const owner = await signUpForTest(server.app, 'counted');
    const note = await createTestNote(server.app, owner.token);
    await modules.notes.adjustCounter(note.id, 'likeCount', 1);
    await modules.notes.adjustCounter(note.id, 'likeCount', 1);
    await modules.notes.adjustCounter(note.id, 'commentCount', 3);
    await modules.notes.adjustCounter(note.id, 'collectCount', -1);
    const [view] = await modules.notes.hydrate([note.id], null);
    expect(view).toMatchObject({ likeCount: 2, commentCount: 3, collectCount: 0 });
    await modules.notes.adjustCounter(note.id, 'likeCount', -5);
    const recent = await modules.notes.listRecentPublished(note.createdAt, 50);
    expect(recent.find((c) => c.id === note.id)).toMatchObject({ likeCount: 0, commentCount: 3 });
  });

  it('hydrates in the order asked, with viewer state from the registered provider', async () => {
    const owner = await signUpForTest(server.app, 'hydrated');
    const viewer = await signUpForTest(server.app, 'looker');
    const a = await createTestNote(server.app, owner.token, { title: 'a' });
    const b = await createTestNote(server.app, owner.token, { title: 'b' });
    const draft = await createTestNote(server.app, owner.token, { title: 'd', status: 'draft' });
    const asked: string[][] = [];
    modules.notes.setViewerStateProvider(async (ids, viewerId) => {
      asked.push(ids);
      return new Map(
        ids.map((id) => [id, { liked: id === b.id && viewerId === viewer.id, collected: false }]),
      );
    });
    const views = await modules.notes.hydrate([b.id, draft.id, a.id, 'missing'], viewer.id);
    expect(views.map((v) => v.id)).toEqual([b.id, a.id]);
    expect(views.map((v) => v.viewer?.liked)).toEqual([true, false]);
    expect(asked).toHaveLength(1);
    const own = await modules.notes.hydrate([draft.id], owner.id);
    expect(own.map((v) => v.status)).toEqual(['draft']);
    expect(await modules.notes.meta(a.id)).toMatchObject({
      id: a.id,
      authorId: owner.id,
      status: 'published',
    });
  });

  it('refuses a cursor it did not give out', async () => {
    await expect(modules.notes.listByTopic('x', { cursor: 'bm9wZQ', limit: 5 })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });

  it('exports an account’s notes and erases them with their topics', async () => {
    const leaving = await signUpForTest(server.app, 'leaving_user');
    const note = await createTestNote(server.app, leaving.token, { title: '再見', body: '#告別' });
    const exported = (await collectExport(modules.notes.contributor, leaving.id)).lines.get('notes.jsonl');
    expect(exported).toEqual([
      expect.objectContaining({ id: note.id, mediaIds: note.images.map((i) => i.id) }),
    ]);
    await server.platform.database.db
      .transaction()
      .execute((tx) => modules.notes.contributor.erase(leaving.id, tx));
    expect(await modules.notes.meta(note.id)).toBeUndefined();
    expect((await modules.notes.listByTopic(topicKey('告別'), { limit: 5 })).items).toEqual([]);
  });
});
