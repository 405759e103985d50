import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../contracts.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from '../social/test-support.ts';

interface Item {
  kind: string;
  commentId: string | null;
  commentText: string | null;
}

describe.each(testDatabases())('notification groups and comment text on $name', (target) => {
  let h: SocialHarness;
  let author: TestUser;
  let fan: TestUser;
  let note: NoteView;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    author = await h.user('ng_author');
    fan = await h.user('ng_fan');
    note = await h.note(author);
  });
  afterAll(() => h.server.close());

  const list = async (who: TestUser, query = ''): Promise<Item[]> => {
    const res = await h.call('GET', `/api/v1/notifications?limit=100${query}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Item[];
  };
  const comment = async (who: TestUser, body: string, parentId?: string) => {
    const res = await h.call('POST', `/api/v1/notes/${note.id}/comments`, who, { body, parentId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  it('quotes the comment in comment, reply and mention notices, and lists each group alone', async () => {
    await h.call('POST', `/api/v1/accounts/${author.handle}/follow`, fan);
    await h.call('POST', `/api/v1/notes/${note.id}/like`, fan);
    await h.call('POST', `/api/v1/notes/${note.id}/collect`, fan);
    const top = await comment(fan, '看起來好好吃！在哪裡？');
    await comment(author, `@${fan.handle} 在永康街 ${'很'.repeat(200)}`, top.id);

    const mine = await list(author);
    expect(mine.map((i) => i.kind).sort()).toEqual(['collect', 'comment', 'follow', 'like']);
    expect(mine.find((i) => i.kind === 'comment')?.commentText).toBe('看起來好好吃！在哪裡？');
    expect(mine.find((i) => i.kind === 'like')?.commentText).toBeNull();
    // The reply notice quotes its start, cut at whole characters.
    const reply = (await list(fan)).find((i) => i.kind === 'reply');
    expect(reply?.commentText?.startsWith(`@${fan.handle} 在永康街 很`)).toBe(true);
    expect([...(reply?.commentText ?? '')]).toHaveLength(141);

    expect((await list(author, '&group=likes')).map((i) => i.kind).sort()).toEqual(['collect', 'like']);
    expect((await list(author, '&group=follows')).map((i) => i.kind)).toEqual(['follow']);
    expect((await list(author, '&group=comments')).map((i) => i.kind)).toEqual(['comment']);
    expect((await list(fan, '&group=comments')).map((i) => i.kind)).toEqual(['reply']);
    const bad = await h.call('GET', '/api/v1/notifications?group=spam', author);
    expect(bad.statusCode).toBe(400);
  });

  it('keeps the notice of a deleted comment, without its text', async () => {
    const gone = await comment(fan, 'soon deleted');
    expect((await h.call('DELETE', `/api/v1/comments/${gone.id}`, fan)).statusCode).toBe(204);
    const item = (await list(author)).find((i) => i.commentId === gone.id);
    expect(item).toMatchObject({ kind: 'comment', commentText: null });
  });

  it('tells a comment’s author who liked it, once, quoting it, with the other likes', async () => {
    const mine = await comment(author, '謝謝大家的留言');
    const likeIt = (method: 'POST' | 'DELETE') => h.call(method, `/api/v1/comments/${mine.id}/like`, fan);
    expect((await likeIt('POST')).statusCode).toBe(200);
    // Taken back and given again, or sent twice: one notice.
    await likeIt('DELETE');
    await likeIt('POST');
    await likeIt('POST');
    const notices = (await list(author, '&group=likes')).filter((i) => i.kind === 'comment_like');
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'comment_like', commentId: mine.id, commentText: '謝謝大家的留言' }),
    ]);
    // Liking one's own comment notifies no one.
    const own = await comment(fan, 'my own');
    await h.call('POST', `/api/v1/comments/${own.id}/like`, fan);
    expect((await list(fan)).some((i) => i.commentId === own.id && i.kind === 'comment_like')).toBe(false);
  });
});
