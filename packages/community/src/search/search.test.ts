import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../contracts.ts';
import { communityProduct } from '../index.ts';
import { createTestNote, testMediaEnv } from '../test-helpers.ts';

interface User {
  token: string;
  id: string;
}

describe.each(testDatabases())('search over HTTP on $name', (target) => {
  let server: TestServer;
  let mei: User;
  let jun: User;
  let tom: User;
  const notes: Record<string, NoteView> = {};

  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct()], {
      ...testMediaEnv(),
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
    });
    mei = await signUpForTest(server.app, 'mei_taipei', 'zh-TW');
    jun = await signUpForTest(server.app, 'jun_shanghai', 'zh-CN');
    tom = await signUpForTest(server.app, 'tom_runner', 'en');
    const write = async (key: string, user: User, title: string, body: string, topics: string[] = []) => {
      server.clock.advance(1_000);
      notes[key] = await createTestNote(server.app, user.token, { title, body, topics });
    };
    await write('hant', mei, '台灣美食地圖', '週末逛夜市，吃了小籠包和牛肉麵。', ['台灣美食']);
    await write('hans', jun, '台湾美食推荐', '上海也能吃到地道的台湾小吃。', ['台湾美食']);
    await write('run', tom, 'Morning runs', 'Running along the river, then a café latte.', ['running']);
    await write('cafe', mei, '咖啡廳日記', 'The best cafe in Taipei for working.');
    const draft = await createTestNote(server.app, tom.token, {
      title: 'secret runs draft',
      status: 'draft',
    });
    notes.draft = draft;
  });
  afterAll(() => server.close());

  const search = async (query: string, user?: User, extra = '') => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent(query)}${extra}`,
      headers: user ? bearer(user.token) : {},
    });
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    return res.json() as { items: Record<string, unknown>[]; nextCursor: string | null };
  };
  const noteIds = async (query: string, user?: User) => (await search(query, user)).items.map((n) => n.id);

  it('finds Traditional and Simplified notes from either script', async () => {
    const both = [notes.hans!.id, notes.hant!.id];
    expect(await noteIds('台灣美食')).toEqual(both);
    expect(await noteIds('台湾美食')).toEqual(both);
    expect(await noteIds('小笼包')).toEqual([notes.hant!.id]);
    expect(await noteIds('咖啡厅')).toEqual([notes.cafe!.id]);
  });

  it('matches English regardless of case, accents and word form; never drafts', async () => {
    expect(await noteIds('RUNS')).toEqual([notes.run!.id]);
    expect(await noteIds('runner')).toEqual([]);
    expect(await noteIds('Café')).toEqual([notes.cafe!.id, notes.run!.id]);
    expect(await noteIds('cafe taip')).toEqual([notes.cafe!.id]);
    expect(await noteIds('secret')).toEqual([]);
  });

  it('finds a new account by handle right after sign-up, before it posts', async () => {
    await signUpForTest(server.app, 'quiet_newcomer', 'en');
    const found = await search('quiet', undefined, '&type=accounts');
    expect(found.items.map((a) => a.handle)).toEqual(['quiet_newcomer']);
  });

  it('pages with a cursor', async () => {
    const first = await search('美食', undefined, '&limit=1');
    expect(first.items.map((n) => n.id)).toEqual([notes.hans!.id]);
    const second = await search('美食', undefined, `&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.id)).toEqual([notes.hant!.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('finds accounts by handle and display name, and topics with their counts', async () => {
    const exact = await search('mei_taipei', undefined, '&type=accounts');
    expect(exact.items.map((a) => a.handle)).toEqual(['mei_taipei']);
    const patch = await server.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { displayName: '跑步的湯姆' },
      headers: bearer(tom.token),
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await search('跑步', undefined, '&type=accounts')).items.map((a) => a.handle)).toEqual([
      'tom_runner',
    ]);
    expect((await search('TOM', undefined, '&type=accounts')).items.map((a) => a.handle)).toEqual([
      'tom_runner',
    ]);
    const topics = await search('台灣', undefined, '&type=topics');
    expect(topics.items).toEqual([{ topic: '台灣美食', noteCount: 2 }]);
  });

  it('follows edits and deletions', async () => {
    const note = await createTestNote(server.app, tom.token, {
      title: 'Dumplings',
      body: 'steamed dumplings',
    });
    expect(await noteIds('dumpling')).toEqual([note.id]);
    const edit = await server.app.inject({
      method: 'PATCH',
      url: `/api/v1/notes/${note.id}`,
      payload: { title: 'Noodles', body: 'hand-pulled noodles' },
      headers: bearer(tom.token),
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await noteIds('dumpling')).toEqual([]);
    expect(await noteIds('noodle')).toEqual([note.id]);
    const del = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/notes/${note.id}`,
      headers: bearer(tom.token),
    });
    expect(del.statusCode).toBeLessThan(300);
    expect(await noteIds('noodle')).toEqual([]);
  });

  it('hides blocked accounts from the blocker and the blocked', async () => {
    const block = await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/jun_shanghai/block',
      headers: bearer(mei.token),
    });
    expect(block.statusCode).toBe(200);
    expect(await noteIds('美食', mei)).toEqual([notes.hant!.id]);
    expect(await noteIds('美食', jun)).toEqual([notes.hans!.id]);
    expect((await search('jun_shanghai', mei, '&type=accounts')).items).toEqual([]);
    expect(await noteIds('美食', tom)).toHaveLength(2);
  });

  it('treats operator-looking queries as text: 200, never a syntax error', async () => {
    for (const query of [
      "' OR 1=1 --",
      'NEAR(台湾 美食)',
      '"',
      '*',
      '-',
      'run*',
      'a & b | !c : (d)',
      "'); DROP TABLE search_documents; --",
      '%_\\',
      '🍜🧋',
      '\u200b',
    ]) {
      for (const type of ['notes', 'accounts', 'topics']) {
        const result = await search(query, tom, `&type=${type}`);
        expect(Array.isArray(result.items)).toBe(true);
      }
    }
    expect(await noteIds('runs')).toEqual([notes.run!.id]);
  });

  it('refuses bad parameters with a 400', async () => {
    for (const url of [
      '/api/v1/search',
      '/api/v1/search?q=',
      `/api/v1/search?q=${'x'.repeat(201)}`,
      '/api/v1/search?q=a&type=posts',
      '/api/v1/search?q=a&limit=0',
      '/api/v1/search?q=a&cursor=%%%',
      `/api/v1/search?q=a&cursor=${Buffer.from('[1,"x"]').toString('base64url')}`,
    ]) {
      const res = await server.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
    }
  });

  it('forgets a deleted account and its notes', async () => {
    const del = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      payload: { password: 'correct horse battery' },
      headers: bearer(tom.token),
    });
    expect(del.statusCode, del.body).toBe(204);
    expect(await noteIds('runs')).toEqual([]);
    expect((await search('tom', undefined, '&type=accounts')).items).toEqual([]);
    expect((await search('running', undefined, '&type=topics')).items).toEqual([]);
  });
});
