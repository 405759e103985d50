import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../../contracts.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from '../test-support.ts';

describe.each(testDatabases())('likes on $name', (target) => {
  let h: SocialHarness;
  let author: TestUser;
  let fan: TestUser;
  let note: NoteView;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    author = await h.user('l_author');
    fan = await h.user('l_fan');
    note = await h.note(author, { title: 'Taipei eats' });
  });
  afterAll(() => h.server.close());

  const like = (who: TestUser | null, noteId: string, method: 'POST' | 'DELETE' = 'POST') =>
    h.call(method, `/api/v1/notes/${noteId}/like`, who);

  it('likes once however often asked; the note counts it and shows it to the liker', async () => {
    expect((await like(fan, note.id)).json()).toEqual({ liked: true, likeCount: 1 });
    expect((await like(fan, note.id)).json()).toEqual({ liked: true, likeCount: 1 });
    const seen = await h.view(note.id, fan);
    expect(seen.likeCount).toBe(1);
    expect(seen.viewer).toEqual({ liked: true, collected: false });
    expect((await h.view(note.id, author)).viewer).toEqual({ liked: false, collected: false });
    expect(h.events('like.created')).toEqual([{ noteId: note.id, accountId: fan.id, authorId: author.id }]);

    expect((await like(fan, note.id, 'DELETE')).json()).toEqual({ liked: false, likeCount: 0 });
    expect((await like(fan, note.id, 'DELETE')).json()).toEqual({ liked: false, likeCount: 0 });
    expect((await h.view(note.id, fan)).likeCount).toBe(0);
  });

  it('counts a burst of identical likes once', async () => {
    const burst = await h.note(author);
    const answers = await Promise.all(Array.from({ length: 6 }, () => like(fan, burst.id)));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect((await h.view(burst.id)).likeCount).toBe(1);
    expect(h.events('like.created').filter((e) => e.noteId === burst.id)).toHaveLength(1);
  });

  it('counts every liker', async () => {
    const other = await h.user('l_other');
    const fresh = await h.note(author);
    await like(fan, fresh.id);
    expect((await like(other, fresh.id)).json()).toEqual({ liked: true, likeCount: 2 });
    expect((await h.view(fresh.id)).likeCount).toBe(2);
  });

  it('treats drafts of others, missing notes and notes across a block as missing', async () => {
    const draft = await h.note(author, { status: 'draft' });
    expect((await like(fan, draft.id)).statusCode).toBe(404);
    expect((await like(fan, '01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await like(fan, 'not-an-id')).statusCode).toBe(400);
    expect((await like(null, note.id)).statusCode).toBe(401);

    const blocker = await h.user('l_blocker');
    const theirs = await h.note(blocker);
    await h.block(blocker, fan);
    expect((await like(fan, theirs.id)).statusCode).toBe(404);
    expect((await h.view(theirs.id)).likeCount).toBe(0);
  });

  it('lists my likes, most recent first, page by page', async () => {
    const liker = await h.user('l_pager');
    const notes: NoteView[] = [];
    for (let i = 0; i < 3; i += 1) {
      const n = await h.note(author, { title: `Note ${i}` });
      notes.push(n);
      await like(liker, n.id);
      h.server.clock.advance(1000);
    }
    const first = (await h.call('GET', '/api/v1/me/likes?limit=2', liker)).json();
    expect(first.items.map((n: NoteView) => n.id)).toEqual([notes[2]?.id, notes[1]?.id]);
    expect(first.items[0].viewer).toEqual({ liked: true, collected: false });
    expect(typeof first.items[0].likedAt).toBe('number');
    const second = (await h.call('GET', `/api/v1/me/likes?limit=2&cursor=${first.nextCursor}`, liker)).json();
    expect(second.items.map((n: NoteView) => n.id)).toEqual([notes[0]?.id]);
    expect(second.nextCursor).toBeNull();
    expect((await h.call('GET', '/api/v1/me/likes')).statusCode).toBe(401);
  });

  it('forgets likes of a deleted note', async () => {
    const doomed = await h.note(author);
    await like(fan, doomed.id);
    expect((await h.call('DELETE', `/api/v1/notes/${doomed.id}`, author)).statusCode).toBe(204);
    const mine = (await h.call('GET', '/api/v1/me/likes?limit=100', fan)).json();
    expect(mine.items.map((n: NoteView) => n.id)).not.toContain(doomed.id);
    expect(await h.modules.social.likes.likedAmong(fan.id, [doomed.id])).toEqual(new Set());
    expect((await like(fan, doomed.id, 'DELETE')).statusCode).toBe(404);
  });
});
