import { tables } from '@plaza/kernel';
import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadExport } from '../accounts/export-test-support.ts';
import type { SocialTables } from './shared/tables.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from './test-support.ts';

describe.each(testDatabases())('social data export and erasure on $name', (target) => {
  let h: SocialHarness;
  let author: TestUser;
  let leaver: TestUser;
  let friend: TestUser;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    author = await h.user('d_author');
    leaver = await h.user('d_leaver');
    friend = await h.user('d_friend');
  });
  afterAll(() => h.server.close());

  /** Rows of the social tables that still name the account anywhere: erasure leaves none. */
  async function rowsMentioning(accountId: string): Promise<number> {
    const db = tables<SocialTables>(h.server.platform);
    const counts = await Promise.all([
      db
        .selectFrom('social_follows')
        .select('created_at')
        .where((eb) => eb.or([eb('follower_id', '=', accountId), eb('followee_id', '=', accountId)]))
        .execute(),
      db
        .selectFrom('social_follow_counts')
        .select('account_id')
        .where('account_id', '=', accountId)
        .execute(),
      db.selectFrom('social_likes').select('note_id').where('account_id', '=', accountId).execute(),
      db.selectFrom('social_collections').select('id').where('owner_id', '=', accountId).execute(),
      db
        .selectFrom('social_collection_items')
        .select('note_id')
        .where('account_id', '=', accountId)
        .execute(),
      db.selectFrom('social_collects').select('note_id').where('account_id', '=', accountId).execute(),
      db
        .selectFrom('social_comments')
        .select('id')
        .where((eb) => eb.or([eb('author_id', '=', accountId), eb('reply_to_account_id', '=', accountId)]))
        .execute(),
    ]);
    return counts.reduce((sum, rows) => sum + rows.length, 0);
  }

  it('exports the account’s follows, likes, boards with note ids and comments; erases them, fixing counters', async () => {
    const note = await h.note(author);
    await h.call('POST', `/api/v1/accounts/${author.handle}/follow`, leaver);
    await h.call('POST', `/api/v1/accounts/${leaver.handle}/follow`, friend);
    await h.call('POST', `/api/v1/notes/${note.id}/like`, leaver);
    await h.call('POST', `/api/v1/notes/${note.id}/like`, friend);
    const board = (
      await h.call('POST', '/api/v1/collections', leaver, { name: 'Mine', private: true })
    ).json();
    await h.call('POST', `/api/v1/notes/${note.id}/collect`, leaver, { collectionId: board.id });
    await h.call('POST', `/api/v1/notes/${note.id}/collect`, leaver);
    const top = (await h.call('POST', `/api/v1/notes/${note.id}/comments`, leaver, { body: 'mine' })).json();
    await h.call('POST', `/api/v1/notes/${note.id}/comments`, friend, { body: 'under it', parentId: top.id });
    const kept = (await h.call('POST', `/api/v1/notes/${note.id}/comments`, friend, { body: 'kept' })).json();
    await h.call('POST', `/api/v1/notes/${note.id}/comments`, leaver, {
      body: 'my reply',
      parentId: kept.id,
    });
    expect(await h.view(note.id)).toMatchObject({ likeCount: 2, collectCount: 1, commentCount: 4 });

    const { lines } = await downloadExport(h.server.app, leaver.token);
    expect(lines('social.follows/following.jsonl').map((f) => f.accountId)).toEqual([author.id]);
    expect(lines('social.follows/followers.jsonl').map((f) => f.accountId)).toEqual([friend.id]);
    expect(lines('social.likes/likes.jsonl').map((l) => l.noteId)).toEqual([note.id]);
    const boards = lines('social.collections/boards.jsonl');
    const items = lines('social.collections/items.jsonl');
    expect(
      boards.map((b) => [b.name, items.filter((i) => i.collectionId === b.id).map((i) => i.noteId)]).sort(),
    ).toEqual([
      ['Mine', [note.id]],
      ['Saved', [note.id]],
    ]);
    expect(lines('social.comments/comments.jsonl').map((c) => c.body)).toEqual(['mine', 'my reply']);

    const gone = await h.call('DELETE', '/api/v1/me', leaver, { password: 'correct horse battery' });
    expect(gone.statusCode).toBe(204);
    // Left: the friend's like and the friend's own top-level comment; the reply under the
    // leaver's comment went with it.
    expect(await h.view(note.id)).toMatchObject({ likeCount: 1, collectCount: 0, commentCount: 1 });
    const comments = (await h.call('GET', `/api/v1/notes/${note.id}/comments`)).json().items;
    expect(comments.map((c: { id: string; replyCount: number }) => [c.id, c.replyCount])).toEqual([
      [kept.id, 0],
    ]);
    expect(await h.modules.social.service.counts(author.id)).toEqual({ followers: 0, following: 0 });
    expect(await h.modules.social.service.counts(friend.id)).toEqual({ followers: 0, following: 0 });
    expect((await h.call('GET', `/api/v1/collections/${board.id}`, friend)).statusCode).toBe(404);
    expect(await rowsMentioning(leaver.id)).toBe(0);
  });
});
