import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityProduct } from '../index.ts';
import type { CommunityModules } from '../modules.ts';
import { createTestNote, testMediaEnv, uploadTestImage } from '../test-helpers.ts';

interface User {
  token: string;
  id: string;
}

describe.each(testDatabases())('notes over HTTP on $name', (target) => {
  let server: TestServer;
  let modules: CommunityModules;
  let lin: User;
  let sam: User;
  const events: { topic: string; payload: unknown }[] = [];

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
    for (const topic of ['note.published', 'note.updated', 'note.deleted']) {
      server.platform.bus.subscribe(topic, (payload) => {
        events.push({ topic, payload });
      });
    }
    lin = await signUpForTest(server.app, 'lin_mei', 'zh-TW');
    sam = await signUpForTest(server.app, 'sam_lee', 'en');
  });
  afterAll(() => server.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, user?: User, payload?: object) =>
    server.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: user ? bearer(user.token) : {},
    });

  it('creates a note with images in order, topics, mentions and its language', async () => {
    const images = [
      await uploadTestImage(server.app, lin.token),
      await uploadTestImage(server.app, lin.token),
    ];
    const res = await call('POST', '/api/v1/notes', lin, {
      title: '台北必吃牛肉麵',
      body: '湯頭濃郁，推薦給 @sam_lee 和 @nobody_here！ #台灣美食 #牛肉麵',
      mediaIds: images.slice().reverse(),
      topics: ['Taipei'],
    });
    expect(res.statusCode).toBe(201);
    const note = res.json();
    expect(note).toMatchObject({
      title: '台北必吃牛肉麵',
      language: 'zh-Hant',
      status: 'published',
      topics: ['Taipei', '台灣美食', '牛肉麵'],
      mentions: ['sam_lee'],
      author: { id: lin.id, handle: 'lin_mei' },
      likeCount: 0,
      viewer: { liked: false, collected: false },
    });
    expect(note.body).toContain('@nobody_here');
    expect(note.images.map((i: { id: string }) => i.id)).toEqual(images.slice().reverse());
    expect(events).toContainEqual({
      topic: 'note.published',
      payload: {
        noteId: note.id,
        authorId: lin.id,
        createdAt: note.createdAt,
        topics: note.topics,
        mentions: [sam.id],
      },
    });
    const seen = await call('GET', `/api/v1/notes/${note.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: note.id, viewer: null });
  });

  it('lets only the author edit and delete', async () => {
    const note = await createTestNote(server.app, lin.token, { title: 'Morning hike' });
    expect((await call('PATCH', `/api/v1/notes/${note.id}`, sam, { title: 'mine now' })).statusCode).toBe(
      403,
    );
    expect((await call('DELETE', `/api/v1/notes/${note.id}`, sam)).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/notes/${note.id}`, undefined, { title: 'x' })).statusCode).toBe(401);

    const edited = await call('PATCH', `/api/v1/notes/${note.id}`, lin, { body: '陽明山的早晨 #登山' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Morning hike',
      body: '陽明山的早晨 #登山',
      topics: ['登山'],
    });
    expect(edited.json().images).toEqual(note.images);
    expect(events).toContainEqual({ topic: 'note.updated', payload: { noteId: note.id, authorId: lin.id } });

    expect((await call('DELETE', `/api/v1/notes/${note.id}`, lin)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/notes/${note.id}`, lin)).statusCode).toBe(404);
    expect(events).toContainEqual({ topic: 'note.deleted', payload: { noteId: note.id, authorId: lin.id } });
  });

  it('keeps drafts from everyone but the author until published', async () => {
    const draft = await createTestNote(server.app, lin.token, { title: '草稿', status: 'draft' });
    const publishedBefore = events.filter((e) => e.topic === 'note.published').length;
    expect((await call('GET', `/api/v1/notes/${draft.id}`, lin)).statusCode).toBe(200);
    for (const viewer of [sam, undefined]) {
      expect((await call('GET', `/api/v1/notes/${draft.id}`, viewer)).statusCode).toBe(404);
    }
    expect((await call('PATCH', `/api/v1/notes/${draft.id}`, sam, { title: 'x' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/notes/${draft.id}`, sam)).statusCode).toBe(404);

    server.clock.advance(60_000);
    const published = await call('PATCH', `/api/v1/notes/${draft.id}`, lin, { status: 'published' });
    expect(published.statusCode).toBe(200);
    expect(published.json().createdAt).toBe(server.clock.nowMs());
    expect(events.filter((e) => e.topic === 'note.published')).toHaveLength(publishedBefore + 1);
    expect((await call('GET', `/api/v1/notes/${draft.id}`, sam)).statusCode).toBe(200);
    const back = await call('PATCH', `/api/v1/notes/${draft.id}`, lin, { status: 'draft' });
    expect(back.json()).toMatchObject({ code: 'cannot_unpublish', errors: [{ field: '/status' }] });
  });

  it('hides notes across a block in both directions; a mention of a blocker is left unlinked', async () => {
    const kim = await signUpForTest(server.app, 'kim_blocker');
    const kimNote = await createTestNote(server.app, kim.token);
    const samNote = await createTestNote(server.app, sam.token);
    expect((await call('POST', '/api/v1/accounts/sam_lee/block', kim)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/notes/${kimNote.id}`, sam)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/notes/${samNote.id}`, kim)).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/notes/${kimNote.id}`, sam, { title: 'x' })).statusCode).toBe(404);
    expect(await modules.notes.hydrate([kimNote.id, samNote.id], sam.id)).toEqual([
      expect.objectContaining({ id: samNote.id }),
    ]);

    // Sam is blocked: the note is accepted as if @kim_blocker were plain text, and Kim never hears of it.
    const mediaIds = [await uploadTestImage(server.app, sam.token)];
    const res = await call('POST', '/api/v1/notes', sam, { title: 'hi', body: 'hey @kim_blocker', mediaIds });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mentions).toEqual([]);
    expect(events.at(-1)).toMatchObject({ topic: 'note.published', payload: { mentions: [] } });
    const heard = await call('GET', '/api/v1/notifications', kim);
    expect(heard.json().items).toEqual([]);
    // Kim blocks Sam and knows it: mentioning Sam is refused, saying why.
    const kimMedia = [await uploadTestImage(server.app, kim.token)];
    const refused = await call('POST', '/api/v1/notes', kim, {
      title: 'hi',
      body: 'hey @sam_lee',
      mediaIds: kimMedia,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'mention_blocked', errors: [{ field: '/body' }] });
  });

  it('answers field-level problems and writes nothing on bad input', async () => {
    const fresh = await signUpForTest(server.app, 'fresh_writer');
    const mine = await uploadTestImage(server.app, fresh.token);
    const theirs = await uploadTestImage(server.app, lin.token);
    const cases: [object, string][] = [
      [{ title: '一'.repeat(21), mediaIds: [mine] }, '/title'],
      [{ title: 'a'.repeat(41), mediaIds: [mine] }, '/title'],
      [{ title: '   ', mediaIds: [mine] }, '/title'],
      [{ title: 'x'.repeat(10_000), mediaIds: [mine] }, '/title'],
      [{ title: 'ok', body: 'beep\u0007', mediaIds: [mine] }, '/body'],
      [{ title: 'ok', body: '字'.repeat(1001), mediaIds: [mine] }, '/body'],
      [{ title: 'ok', mediaIds: [] }, '/mediaIds'],
      [{ title: 'ok', mediaIds: Array(19).fill(mine) }, '/mediaIds'],
      [{ title: 'ok', mediaIds: [mine, theirs] }, '/mediaIds'],
      [{ title: 'ok', mediaIds: ['not-an-id'] }, '/mediaIds/0'],
      [{ title: 'ok', mediaIds: [mine], topics: ['has space'] }, '/topics/0'],
      [{ title: 'ok', mediaIds: [mine], extra: 1 }, '/extra'],
      [{ title: 42, mediaIds: [mine] }, '/title'],
    ];
    for (const [payload, field] of cases) {
      const res = await call('POST', '/api/v1/notes', fresh, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const page = await modules.notes.listByAuthor(fresh.id, { limit: 10 }, true);
    expect(page.items).toEqual([]);
  });

  it('measures a title after trimming and NFC: padded and decomposed 20-unit titles are taken', async () => {
    const padded = `  ${'一'.repeat(20)}  `;
    expect((await createTestNote(server.app, sam.token, { title: padded })).title).toBe('一'.repeat(20));
    const decomposed = '가'.repeat(20).normalize('NFD');
    expect((await createTestNote(server.app, sam.token, { title: decomposed })).title).toBe('가'.repeat(20));
    const mediaIds = [await uploadTestImage(server.app, sam.token)];
    const over = await call('POST', '/api/v1/notes', sam, {
      title: '가'.repeat(21).normalize('NFD'),
      mediaIds,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([expect.objectContaining({ field: '/title' })]);
  });

  it('accepts the longest titles and strips zero-width characters', async () => {
    for (const title of ['一'.repeat(20), 'a'.repeat(40), `${'一\u200B'.repeat(20)}\uFEFF`]) {
      const note = await createTestNote(server.app, sam.token, { title });
      expect(note.title).toBe(title.replace(/[\u200B\uFEFF]/g, ''));
    }
  });

  it('stores HTML- and SQL-looking text and emoji verbatim', async () => {
    const title = '<img src=x onerror=alert(1)> 🍜';
    const body = "'; DROP TABLE notes; -- <script>alert('x')</script> 好吃😋";
    const note = await createTestNote(server.app, sam.token, { title, body });
    expect(note).toMatchObject({ title, body });
    const again = await call('GET', `/api/v1/notes/${note.id}`, lin);
    expect(again.json()).toMatchObject({ title, body });
  });

  it('refuses a failed edit without changing the note', async () => {
    const note = await createTestNote(server.app, lin.token, { title: 'Stays', body: 'as it was' });
    const theirs = await uploadTestImage(server.app, sam.token);
    const res = await call('PATCH', `/api/v1/notes/${note.id}`, lin, { body: 'changed', mediaIds: [theirs] });
    expect(res.statusCode).toBe(400);
    const after = (await call('GET', `/api/v1/notes/${note.id}`, lin)).json();
    expect(after).toMatchObject({ body: 'as it was', images: note.images, updatedAt: note.updatedAt });
  });

  it('answers 404 for unknown notes and 400 for malformed ids', async () => {
    expect((await call('GET', '/api/v1/notes/01890000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/notes/nope')).statusCode).toBe(400);
  });
});
