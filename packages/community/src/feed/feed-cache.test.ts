import { Page } from '@plaza/kernel';
import { testDatabases } from '@plaza/kernel/testing';
import { Value } from '@sinclair/typebox/value';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteCard } from '../contracts.ts';
import { NoteCardSchema } from '../notes/schema.ts';
import { DEFAULT_STATE_CACHE } from '../notes/states.ts';
import { DEFAULT_LIKED_STATE } from '../social/liked-state.ts';
import { createTestNote } from '../test-helpers.ts';
import { DEFAULT_HEADS } from './heads.ts';
import { type FeedTestServer, startFeedTestServer, type TestUser as User } from './test-setup.ts';

const CardPage = Page(NoteCardSchema);
// Past every card cache's time to live: what another process changed is seen by then.
const ALL_CACHES_TTL_MS = Math.max(DEFAULT_HEADS.ttlMs, DEFAULT_STATE_CACHE.ttlMs, DEFAULT_LIKED_STATE.ttlMs);

/**
 * The following feed answers from caches kept in this process (timeline heads, note states,
 * the viewer's likes, serialized cards): whatever this process changes shows on the next read;
 * what only the database knows (another process) within the caches' time to live.
 */
describe.each(testDatabases())('following feed caches on $name', (target) => {
  let t: FeedTestServer;
  let pia: User;
  let quinn: User;
  let rue: User;

  beforeAll(async () => {
    t = await startFeedTestServer(target);
    pia = await t.signUp('pia_cache', 'zh-TW');
    quinn = await t.signUp('quinn_cache', 'en');
    rue = await t.signUp('rue_cache', 'en');
    for (const reader of [quinn, rue]) await t.send('POST', '/api/v1/accounts/pia_cache/follow', reader);
  });
  afterAll(() => t.close());

  const call = (...args: Parameters<FeedTestServer['send']>) => t.send(...args);
  const feed = (user: User, query = '') => t.following(user, query);
  const post = (title: string, status?: 'draft') => {
    t.server.clock.advance(1_000);
    return createTestNote(t.server.app, pia.token, { title, ...(status ? { status } : {}) });
  };
  const db = () => t.server.platform.database.db;

  it('answers cards that match the documented schema, with the cover and the author', async () => {
    const note = await post('台北的早晨');
    const res = await call('GET', '/api/v1/feed/following', quinn);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const page = res.json();
    expect(Value.Check(CardPage, page)).toBe(true);
    const [card] = page.items as NoteCard[];
    expect(card).toEqual({
      id: note.id,
      author: { handle: 'pia_cache', displayName: note.author.displayName, avatarUrl: note.author.avatarUrl },
      title: '台北的早晨',
      cover: {
        url: note.images[0]?.urls.thumb,
        width: note.images[0]?.width,
        height: note.images[0]?.height,
      },
      likeCount: 0,
      liked: false,
    });
    const anonymous = (await call('GET', '/api/v1/feed/discover')).json() as { items: NoteCard[] };
    expect(Value.Check(CardPage, anonymous)).toBe(true);
    expect(anonymous.items.find((c) => c.id === note.id)?.liked).toBeNull();
  });

  it('puts a new note on top of every follower’s cached first page at once', async () => {
    await feed(quinn);
    await feed(pia);
    const fresh = await post('just now');
    expect((await feed(quinn)).items[0]?.id).toBe(fresh.id);
    expect((await feed(pia)).items[0]?.id).toBe(fresh.id);
    // A draft enters no feed until it is published; then it is on top with its new time.
    const draft = await post('draft first', 'draft');
    expect((await feed(quinn)).items[0]?.id).toBe(fresh.id);
    t.server.clock.advance(1_000);
    await call('PATCH', `/api/v1/notes/${draft.id}`, pia, { status: 'published', title: 'published later' });
    expect((await feed(quinn)).items[0]).toMatchObject({ id: draft.id, title: 'published later' });
  });

  it('shows a like and an unlike on the cards at once, to the liker and to others', async () => {
    const note = await post('like me');
    const card = async (user: User) => (await feed(user)).items.find((c) => c.id === note.id);
    expect(await card(quinn)).toMatchObject({ likeCount: 0, liked: false });
    expect(await card(rue)).toMatchObject({ likeCount: 0, liked: false });
    await call('POST', `/api/v1/notes/${note.id}/like`, quinn);
    expect(await card(quinn)).toMatchObject({ likeCount: 1, liked: true });
    expect(await card(rue)).toMatchObject({ likeCount: 1, liked: false });
    await call('DELETE', `/api/v1/notes/${note.id}/like`, quinn);
    expect(await card(quinn)).toMatchObject({ likeCount: 0, liked: false });
    expect(await card(rue)).toMatchObject({ likeCount: 0, liked: false });
  });

  it('shows another process’s fan-out and like within the caches’ time to live', async () => {
    const sol = await t.signUp('sol_cache', 'en');
    const note = await createTestNote(t.server.app, sol.token, { title: 'from elsewhere' });
    const card = async () => (await feed(rue)).items.find((c) => c.id === note.id);
    expect(await card()).toBeUndefined();
    // Another process follows sol for rue and delivers the note to rue's timeline.
    await sql`insert into timeline (account_id, note_id, author_id, created_at)
      values (${rue.id}, ${note.id}, ${sol.id}, ${note.createdAt})`.execute(db());
    expect(await card()).toBeUndefined();
    t.server.clock.advance(ALL_CACHES_TTL_MS);
    expect(await card()).toMatchObject({ likeCount: 0, liked: false });
    // Rue likes it through another process.
    await sql`insert into social_likes (account_id, note_id, created_at)
      values (${rue.id}, ${note.id}, ${t.server.clock.nowMs()})`.execute(db());
    await sql`update notes set like_count = like_count + 1 where id = ${note.id}`.execute(db());
    expect(await card()).toMatchObject({ likeCount: 0, liked: false });
    t.server.clock.advance(ALL_CACHES_TTL_MS);
    expect(await card()).toMatchObject({ likeCount: 1, liked: true });
  });

  it('hands out the same card objects while nothing they show changed, and new ones after a like', async () => {
    const note = await post('same objects');
    const other = await post('another');
    const ids = [note.id, other.id];
    const [first, second] = [
      await t.modules.notes.cards(ids, rue.id),
      await t.modules.notes.cards(ids, rue.id),
    ];
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(Object.isFrozen(first[0])).toBe(true);
    await call('POST', `/api/v1/notes/${note.id}/like`, quinn);
    const third = await t.modules.notes.cards(ids, rue.id);
    expect(third[0]).not.toBe(first[0]);
    expect(third[0]).toMatchObject({ likeCount: 1, liked: false });
    expect(third[1]).toBe(first[1]);
  });

  it('walks past the cached head into the database without a gap or a repeat', async () => {
    const posted: string[] = [];
    for (let i = 0; i < DEFAULT_HEADS.rows + 5; i += 1) posted.push((await post(`walk ${i}`)).id);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await feed(quinn, `?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, posted.length)).toEqual([...posted].reverse());
  });
});
