import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../../contracts.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from '../test-support.ts';
import type { CommentView } from './views.ts';

describe.each(testDatabases())('comment likes and order on $name', (target) => {
  let h: SocialHarness;
  let author: TestUser;
  let ann: TestUser;
  let bo: TestUser;
  let cy: TestUser;
  let note: NoteView;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    author = await h.user('cl_author');
    ann = await h.user('cl_ann');
    bo = await h.user('cl_bo');
    cy = await h.user('cl_cy');
    note = await h.note(author);
  });
  afterAll(() => h.server.close());

  const comment = async (who: TestUser, noteId: string, body: string): Promise<CommentView> => {
    const res = await h.call('POST', `/api/v1/notes/${noteId}/comments`, who, { body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CommentView;
  };
  const like = (who: TestUser, id: string, method: 'POST' | 'DELETE' = 'POST') =>
    h.call(method, `/api/v1/comments/${id}/like`, who);
  const list = async (noteId: string, viewer: TestUser | null, query: string) =>
    (await h.call('GET', `/api/v1/notes/${noteId}/comments${query}`, viewer)).json() as {
      items: CommentView[];
      nextCursor: string | null;
    };
  /** Every top-level comment in `order`, walking pages of `limit`. */
  async function walk(noteId: string, order: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(noteId, ann, `?order=${order}&limit=${limit}&cursor=${cursor}`);
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    return ids;
  }

  it('counts each like once however often it is sent, and shows the viewer theirs', async () => {
    const c = await comment(ann, note.id, 'like me');
    expect(c).toMatchObject({ likeCount: 0, liked: false });
    for (let i = 0; i < 3; i += 1) {
      const res = await like(bo, c.id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ liked: true, likeCount: 1 });
    }
    expect((await like(cy, c.id)).json()).toEqual({ liked: true, likeCount: 2 });
    const seen = (viewer: TestUser | null) =>
      list(note.id, viewer, '').then((p) => p.items.find((x) => x.id === c.id));
    expect(await seen(bo)).toMatchObject({ likeCount: 2, liked: true });
    expect(await seen(ann)).toMatchObject({ likeCount: 2, liked: false });
    expect(await seen(null)).toMatchObject({ likeCount: 2, liked: null });
    // Taking back twice leaves one like taken back.
    expect((await like(bo, c.id, 'DELETE')).json()).toEqual({ liked: false, likeCount: 1 });
    expect((await like(bo, c.id, 'DELETE')).json()).toEqual({ liked: false, likeCount: 1 });
    expect((await h.call('POST', `/api/v1/comments/${c.id}/like`)).statusCode).toBe(401);
    expect((await like(bo, '00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('likes replies too, and counts them on the reply', async () => {
    const top = await comment(ann, note.id, 'thread');
    const res = await h.call('POST', `/api/v1/notes/${note.id}/comments`, bo, {
      body: 'reply',
      parentId: top.id,
    });
    const reply = res.json() as CommentView;
    await like(cy, reply.id);
    const shown = (await list(note.id, cy, '')).items.find((x) => x.id === top.id);
    expect(shown?.replies[0]).toMatchObject({ id: reply.id, likeCount: 1, liked: true });
  });

  it('refuses a like across a block as if the comment were missing, and changes nothing', async () => {
    const shy = await h.user('cl_shy');
    const c = await comment(shy, note.id, 'from shy');
    await h.block(shy, bo);
    const refused = await like(bo, c.id);
    expect(refused.statusCode).toBe(404);
    expect((await list(note.id, ann, '')).items.find((x) => x.id === c.id)?.likeCount).toBe(0);
    // The note's author blocking the liker hides the whole note, its comments included.
    const other = await comment(ann, note.id, 'visible to all but the blocked');
    await h.block(author, cy);
    expect((await like(cy, other.id)).statusCode).toBe(404);
  });

  it('orders newest first and most liked first, paging each without skipping or repeating', async () => {
    const fresh = await h.note(author);
    const made: CommentView[] = [];
    for (let i = 0; i < 7; i += 1) made.push(await comment(ann, fresh.id, `c${i}`));
    // Likes: c2 ← 2, c5 ← 2 (a tie, broken by newest), c0 ← 1; the rest 0.
    for (const [index, likers] of [
      [2, [bo, ann]],
      [5, [bo, ann]],
      [0, [bo]],
    ] as const)
      for (const liker of likers) await like(liker, made[index]!.id);
    const ids = made.map((c) => c.id);
    expect(await walk(fresh.id, 'oldest', 3)).toEqual(ids);
    expect(await walk(fresh.id, 'newest', 3)).toEqual([...ids].reverse());
    const liked = await walk(fresh.id, 'liked', 2);
    expect(liked).toEqual([ids[5], ids[2], ids[0], ids[6], ids[4], ids[3], ids[1]]);
    const bad = await h.call('GET', `/api/v1/notes/${fresh.id}/comments?order=liked&cursor=bm9wZQ`, ann);
    expect(bad.statusCode).toBe(400);
    expect((await h.call('GET', `/api/v1/notes/${fresh.id}/comments?order=best`, ann)).statusCode).toBe(400);
  });

  it('drops a comment’s likes with the comment, and an erased account’s likes from the counts', async () => {
    const c = await comment(ann, note.id, 'to delete');
    await like(bo, c.id);
    expect((await h.call('DELETE', `/api/v1/comments/${c.id}`, ann)).statusCode).toBe(204);
    expect((await like(bo, c.id)).statusCode).toBe(404);
    const kept = await comment(ann, note.id, 'kept');
    const leaver = await h.user('cl_leaver');
    await like(leaver, kept.id);
    expect((await like(bo, kept.id)).json()).toEqual({ liked: true, likeCount: 2 });
    const gone = await h.call('DELETE', '/api/v1/me', leaver, { password: 'correct horse battery' });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await list(note.id, bo, '')).items.find((x) => x.id === kept.id)).toMatchObject({
      likeCount: 1,
      liked: true,
    });
  });
});
