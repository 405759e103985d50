import { AsyncLocalStorage } from 'node:async_hooks';
import { testDatabases } from '@plaza/kernel/testing';
import { type CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteCard } from '../contracts.ts';
import { type FeedTestServer, startFeedTestServer, type TestUser as User } from '../feed/test-setup.ts';
import { createTestNote, uploadTestImage } from '../test-helpers.ts';
import { DEFAULT_STATE_CACHE } from './states.ts';

/**
 * Note views are cached in parts (contents by note, author cards by account; for feed cards
 * also states and the viewer's likes): every change must show on the next read when this
 * process made it or heard of it, and within the caches' time to live when only the database
 * knows (another process).
 */
describe.each(testDatabases())('cached note views on $name', (target) => {
  let t: FeedTestServer;
  let kim: User;
  let ray: User;
  /** SQL statements the server sent on behalf of the read being counted. */
  const statements: string[] = [];
  /**
   * Marks the read being counted: work the earlier requests left running (fan-out, outbox
   * delivery, a cache refresh) sends its statements outside it and is not the read's cost.
   */
  const counting = new AsyncLocalStorage<true>();

  beforeAll(async () => {
    t = await startFeedTestServer(target);
    // Every store shares the platform's Kysely instance, so its executor sees every query.
    const executor = t.server.platform.database.db.getExecutor();
    const execute = executor.executeQuery.bind(executor);
    executor.executeQuery = <R>(query: CompiledQuery<R>) => {
      if (counting.getStore()) statements.push(query.sql);
      return execute(query);
    };
    kim = await t.signUp('kim_cache');
    ray = await t.signUp('ray_cache');
    await call('POST', '/api/v1/accounts/kim_cache/follow', ray);
  });
  afterAll(() => t.close());

  /** Any answer below 300, or a 404 (the tests look for missing notes). */
  async function call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    user?: User,
    payload?: object,
  ) {
    const res = await t.request(method, url, user, payload);
    if (res.statusCode >= 300 && res.statusCode !== 404) throw new Error(`${method} ${url}: ${res.body}`);
    return res;
  }
  const feed = async (user: User) =>
    (await call('GET', '/api/v1/feed/following', user)).json().items as NoteCard[];
  const note = async (id: string, user: User) => call('GET', `/api/v1/notes/${id}`, user);
  const db = () => t.server.platform.database.db;

  it('shows an edit on the next read of the feed and the note page', async () => {
    const posted = await createTestNote(t.server.app, kim.token, {
      title: 'first title',
      body: 'first body',
    });
    expect((await feed(ray))[0]?.title).toBe('first title');
    expect((await note(posted.id, ray)).json().title).toBe('first title');
    await call('PATCH', `/api/v1/notes/${posted.id}`, kim, { title: 'second title', topics: ['edited'] });
    expect((await feed(ray))[0]).toMatchObject({ id: posted.id, title: 'second title' });
    expect((await note(posted.id, ray)).json()).toMatchObject({
      title: 'second title',
      body: 'first body',
      topics: ['edited'],
    });
  });

  it('shows an edit only the database knows of (another process), through the note’s updated_at', async () => {
    const posted = await createTestNote(t.server.app, kim.token, { title: 'before elsewhere' });
    expect((await note(posted.id, ray)).json().title).toBe('before elsewhere');
    t.server.clock.advance(1_000);
    await sql`update notes set title = 'after elsewhere', updated_at = ${t.server.clock.nowMs()} where id = ${posted.id}`.execute(
      db(),
    );
    expect((await note(posted.id, ray)).json().title).toBe('after elsewhere');
    expect((await feed(ray)).find((n) => n.id === posted.id)?.title).toBe('after elsewhere');
  });

  it('shows a draft’s edit to its author (drafts announce nothing on the bus)', async () => {
    const draft = await createTestNote(t.server.app, kim.token, { title: 'draft one', status: 'draft' });
    expect((await note(draft.id, kim)).json().title).toBe('draft one');
    const edited = await call('PATCH', `/api/v1/notes/${draft.id}`, kim, { title: 'draft two' });
    expect(edited.json().title).toBe('draft two');
    expect((await note(draft.id, kim)).json().title).toBe('draft two');
    expect((await note(draft.id, ray)).statusCode).toBe(404);
  });

  it('updates author cards everywhere when the author changes name or avatar', async () => {
    const posted = await createTestNote(t.server.app, kim.token, { title: 'card note' });
    expect((await feed(ray))[0]?.author.displayName).toBe('kim_cache');
    expect((await note(posted.id, ray)).json().author.avatarUrl).toBeNull();
    const avatar = await uploadTestImage(t.server.app, kim.token);
    await call('PATCH', '/api/v1/me', kim, { displayName: 'Kim Renamed', avatarMediaId: avatar });
    const [first] = await feed(ray);
    expect(first?.author).toMatchObject({
      displayName: 'Kim Renamed',
      avatarUrl: expect.stringContaining(avatar),
    });
    expect((await note(posted.id, ray)).json().author.displayName).toBe('Kim Renamed');
  });

  it('shows a profile changed by another process once the card cache’s time to live passes', async () => {
    await createTestNote(t.server.app, kim.token, { title: 'ttl note' });
    const before = (await feed(ray))[0]?.author.displayName;
    await sql`update profiles set display_name = 'Kim Elsewhere' where account_id = ${kim.id}`.execute(db());
    expect((await feed(ray))[0]?.author.displayName).toBe(before);
    t.server.clock.advance(60_000);
    expect((await feed(ray))[0]?.author.displayName).toBe('Kim Elsewhere');
  });

  it('drops a deleted note at once, and one deleted behind the caches’ back within their time to live', async () => {
    const one = await createTestNote(t.server.app, kim.token, { title: 'doomed one' });
    const two = await createTestNote(t.server.app, kim.token, { title: 'doomed two' });
    expect((await feed(ray)).map((n) => n.id)).toEqual(expect.arrayContaining([one.id, two.id]));
    await call('DELETE', `/api/v1/notes/${one.id}`, kim);
    expect((await note(one.id, ray)).statusCode).toBe(404);
    expect((await feed(ray)).map((n) => n.id)).not.toContain(one.id);
    // The foreign keys cascade to its images and topics; the note page reads the row itself.
    await sql`delete from notes where id = ${two.id}`.execute(db());
    expect((await note(two.id, ray)).statusCode).toBe(404);
    t.server.clock.advance(DEFAULT_STATE_CACHE.ttlMs);
    expect((await feed(ray)).map((n) => n.id)).not.toContain(two.id);
  });

  it('reads counters and the viewer’s likes fresh', async () => {
    const posted = await createTestNote(t.server.app, kim.token, { title: 'liked note' });
    expect((await note(posted.id, ray)).json()).toMatchObject({ likeCount: 0, viewer: { liked: false } });
    await call('POST', `/api/v1/notes/${posted.id}/like`, ray);
    await call('POST', `/api/v1/notes/${posted.id}/collect`, ray);
    expect((await note(posted.id, ray)).json()).toMatchObject({
      likeCount: 1,
      collectCount: 1,
      viewer: { liked: true, collected: true },
    });
    expect((await note(posted.id, kim)).json().viewer).toEqual({ liked: false, collected: false });
  });

  it('drops an erased account’s notes, card and mentions', async () => {
    const gone = await t.signUp('gone_cache');
    const theirs = await createTestNote(t.server.app, gone.token, { title: 'soon gone' });
    const mention = await createTestNote(t.server.app, kim.token, { title: 'hi', body: 'hello @gone_cache' });
    expect((await note(mention.id, ray)).json().mentions).toEqual(['gone_cache']);
    expect((await note(theirs.id, ray)).statusCode).toBe(200);
    const password = 'correct horse battery';
    await call('DELETE', '/api/v1/me', gone, { password });
    expect((await note(theirs.id, ray)).statusCode).toBe(404);
    expect((await note(mention.id, ray)).json().mentions).toEqual([]);
  });

  it('serves a warm following feed with no query, and a note page with one each for state and likes', async () => {
    for (let i = 0; i < 3; i += 1) await createTestNote(t.server.app, kim.token, { title: `warm ${i}` });
    const [top] = await feed(ray);
    await note(top!.id, ray);
    const count = async (read: () => Promise<unknown>) => {
      statements.length = 0;
      await counting.run(true, read);
      // The session lookup is the kernel's; count what this package asks.
      return statements.filter((s) => !/"sessions"/.test(s)).length;
    };
    expect(await count(() => feed(ray))).toBe(0);
    // Note state, viewer likes/collects.
    expect(await count(() => note(top!.id, ray))).toBe(2);
  });
});
