import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEvents } from '../contracts.ts';
import { communityProduct } from '../index.ts';
import { createTestNote, testMediaEnv } from '../test-helpers.ts';

interface Item {
  id: string;
  kind: string;
  actor: { id: string; handle: string; displayName: string; avatarUrl: string | null };
  note: unknown;
  commentId: string | null;
  read: boolean;
}

describe.each(testDatabases())('notifications on $name', (target) => {
  let server: TestServer;
  const publish = <K extends keyof CommunityEvents>(topic: K, payload: CommunityEvents[K]) =>
    server.platform.bus.publish(topic, payload);
  const get = (url: string, token: string) =>
    server.app.inject({ method: 'GET', url, headers: bearer(token) });
  const unread = async (token: string) =>
    (await get('/api/v1/notifications/unread-count', token)).json().unread as number;
  const listAll = async (token: string, limit = 100): Promise<Item[]> => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const res = await get(`/api/v1/notifications?limit=${limit}${query}`, token);
      expect(res.statusCode).toBe(200);
      items.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    return items;
  };
  const markRead = (token: string, payload: object) =>
    server.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: bearer(token), payload });

  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct()], {
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
      ...testMediaEnv(),
    });
  });
  afterAll(() => server.close());

  it('notifies the author of likes, collects and comments made through the API, with the note', async () => {
    const author = await signUpForTest(server.app, 'e2e_author');
    const reader = await signUpForTest(server.app, 'e2e_reader');
    const note = await createTestNote(server.app, author.token, { title: '台南小吃' });
    const post = (url: string, payload: object) =>
      server.app.inject({ method: 'POST', url, headers: bearer(reader.token), payload });
    expect((await post(`/api/v1/notes/${note.id}/like`, {})).statusCode).toBe(200);
    expect((await post(`/api/v1/notes/${note.id}/collect`, {})).statusCode).toBe(200);
    const comment = await post(`/api/v1/notes/${note.id}/comments`, { body: '好想吃！' });
    expect(comment.statusCode).toBe(201);
    const items = await listAll(author.token);
    expect(items.map((i) => i.kind)).toEqual(['comment', 'collect', 'like']);
    const summary = { id: note.id, title: '台南小吃', coverUrl: note.images[0]?.urls.thumb };
    for (const item of items) expect(item.note).toEqual(summary);
    expect(items[0]?.commentId).toBe(comment.json().id);
    expect(items[0]?.actor.handle).toBe('e2e_reader');
    expect(await unread(author.token)).toBe(3);
  });

  it('stores one notification per event however often it is delivered', async () => {
    const alice = await signUpForTest(server.app, 'idem_alice');
    const bob = await signUpForTest(server.app, 'idem_bob');
    const noteId = server.platform.ids.next();
    for (let i = 0; i < 3; i++) {
      await publish('follow.created', { followerId: bob.id, followeeId: alice.id });
      await publish('like.created', { noteId, accountId: bob.id, authorId: alice.id });
      await publish('collect.created', { noteId, accountId: bob.id, authorId: alice.id });
    }
    const items = await listAll(alice.token);
    expect(items.map((i) => i.kind)).toEqual(['collect', 'like', 'follow']);
    expect(items[0]?.actor).toEqual({
      id: bob.id,
      handle: 'idem_bob',
      displayName: 'idem_bob',
      avatarUrl: null,
    });
    expect(await unread(alice.token)).toBe(3);
    expect(await unread(bob.token)).toBe(0);
  });

  it('never notifies you of yourself, and notifies each person of a comment once', async () => {
    const author = await signUpForTest(server.app, 'cm_author');
    const parent = await signUpForTest(server.app, 'cm_parent');
    const named = await signUpForTest(server.app, 'cm_named');
    const writer = await signUpForTest(server.app, 'cm_writer');
    const noteId = server.platform.ids.next();
    const commentId = server.platform.ids.next();
    await publish('like.created', { noteId, accountId: author.id, authorId: author.id });
    await publish('comment.created', {
      noteId,
      commentId,
      accountId: writer.id,
      authorId: author.id,
      parentAuthorId: parent.id,
      mentions: [parent.id, named.id, writer.id, author.id, server.platform.ids.next()],
    });
    const kinds = async (token: string) => (await listAll(token)).map((i) => [i.kind, i.commentId]);
    expect(await kinds(author.token)).toEqual([['comment', commentId]]);
    expect(await kinds(parent.token)).toEqual([['reply', commentId]]);
    expect(await kinds(named.token)).toEqual([['mention', commentId]]);
    expect(await kinds(writer.token)).toEqual([]);
  });

  it('notifies the accounts a published note mentions', async () => {
    const poster = await signUpForTest(server.app, 'np_poster');
    const friend = await signUpForTest(server.app, 'np_friend');
    const noteId = server.platform.ids.next();
    const event = { noteId, authorId: poster.id, createdAt: 1, topics: [], mentions: [friend.id, poster.id] };
    await publish('note.published', event);
    await publish('note.published', event);
    const items = await listAll(friend.token);
    expect(items.map((i) => [i.kind, i.actor.handle, i.commentId])).toEqual([['mention', 'np_poster', null]]);
    expect(await listAll(poster.token)).toEqual([]);
    await publish('note.deleted', { noteId, authorId: poster.id });
    expect(await listAll(friend.token)).toEqual([]);
  });

  it('never notifies across a block and drops what came before it', async () => {
    const carol = await signUpForTest(server.app, 'bk_carol');
    const dave = await signUpForTest(server.app, 'bk_dave');
    await publish('follow.created', { followerId: dave.id, followeeId: carol.id });
    expect(await unread(carol.token)).toBe(1);
    const block = await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/bk_dave/block',
      headers: bearer(carol.token),
    });
    expect(block.statusCode).toBe(200);
    expect(await unread(carol.token)).toBe(0);
    const noteId = server.platform.ids.next();
    await publish('like.created', { noteId, accountId: dave.id, authorId: carol.id });
    await publish('follow.created', { followerId: carol.id, followeeId: dave.id });
    expect(await listAll(carol.token)).toEqual([]);
    expect(await listAll(dave.token)).toEqual([]);
  });

  it('pages newest first without gaps or repeats, and marks read up to an id', async () => {
    const owner = await signUpForTest(server.app, 'pg_owner');
    const fans = [];
    for (let i = 0; i < 5; i++) fans.push(await signUpForTest(server.app, `pg_fan_${i}`));
    for (const fan of fans) await publish('follow.created', { followerId: fan.id, followeeId: owner.id });
    const paged = await listAll(owner.token, 2);
    expect(paged.map((i) => i.actor.handle)).toEqual([
      'pg_fan_4',
      'pg_fan_3',
      'pg_fan_2',
      'pg_fan_1',
      'pg_fan_0',
    ]);
    expect(new Set(paged.map((i) => i.id)).size).toBe(5);

    const middle = paged[2]!.id;
    const marked = await markRead(owner.token, { upTo: middle });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toEqual({ unread: 2 });
    const after = await listAll(owner.token);
    expect(after.map((i) => i.read)).toEqual([false, false, true, true, true]);
    expect((await markRead(owner.token, {})).json()).toEqual({ unread: 0 });
    expect(await unread(owner.token)).toBe(0);
  });

  it('lets nobody read or mark another account’s notifications', async () => {
    const owner = await signUpForTest(server.app, 'az_owner');
    const snoop = await signUpForTest(server.app, 'az_snoop');
    await publish('follow.created', { followerId: snoop.id, followeeId: owner.id });
    const ownerItems = await listAll(owner.token);
    expect(ownerItems).toHaveLength(1);
    expect(await listAll(snoop.token)).toEqual([]);
    // Marking with someone else's notification id touches only the caller's own rows.
    expect((await markRead(snoop.token, { upTo: ownerItems[0]!.id })).statusCode).toBe(200);
    expect(await unread(owner.token)).toBe(1);
    // A cursor taken from someone else's list still only walks the caller's own rows.
    const viaCursor = await get(`/api/v1/notifications?cursor=${server.platform.ids.next()}`, snoop.token);
    expect(viaCursor.json().items).toEqual([]);
    for (const url of ['/api/v1/notifications', '/api/v1/notifications/unread-count']) {
      expect((await server.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const anonymousRead = await server.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      payload: {},
    });
    expect(anonymousRead.statusCode).toBe(401);
  });

  it('refuses bad queries and bodies with problem+json', async () => {
    const user = await signUpForTest(server.app, 'bad_input');
    for (const url of [
      '/api/v1/notifications?cursor=not-an-id',
      '/api/v1/notifications?limit=0',
      '/api/v1/notifications?limit=1000',
      '/api/v1/notifications?bogus=1',
    ]) {
      const res = await get(url, user.token);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const unknown = await markRead(user.token, { upTo: 'x', everything: true });
    expect(unknown.statusCode).toBe(400);
    expect((await markRead(user.token, { upTo: 'not-an-id' })).json().errors[0].field).toBe('/upTo');
  });

  it('ignores events about accounts that no longer exist', async () => {
    const alive = await signUpForTest(server.app, 'gone_alive');
    await publish('follow.created', { followerId: server.platform.ids.next(), followeeId: alive.id });
    await publish('follow.created', { followerId: alive.id, followeeId: server.platform.ids.next() });
    expect(await listAll(alive.token)).toEqual([]);
  });

  it('removes every notification an account caused or received when it is deleted', async () => {
    const stays = await signUpForTest(server.app, 'del_stays');
    const leaves = await signUpForTest(server.app, 'del_leaves');
    await publish('follow.created', { followerId: leaves.id, followeeId: stays.id });
    expect(await unread(stays.token)).toBe(1);
    await publish('account.deleted', { accountId: leaves.id });
    expect(await unread(stays.token)).toBe(0);
  });
});
