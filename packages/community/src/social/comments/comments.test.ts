import { bearer, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../../contracts.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from '../test-support.ts';
import type { CommentView } from './views.ts';

describe.each(testDatabases())('comments on $name', (target) => {
  let h: SocialHarness;
  let author: TestUser;
  let ann: TestUser;
  let bo: TestUser;
  let note: NoteView;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    author = await h.user('m_author');
    ann = await h.user('m_ann', 'zh-TW');
    bo = await h.user('m_bo');
    note = await h.note(author);
  });
  afterAll(() => h.server.close());

  const comment = async (who: TestUser, noteId: string, payload: object): Promise<CommentView> => {
    const res = await h.call('POST', `/api/v1/notes/${noteId}/comments`, who, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CommentView;
  };
  const list = async (noteId: string, viewer?: TestUser, query = '') =>
    (await h.call('GET', `/api/v1/notes/${noteId}/comments${query}`, viewer)).json() as {
      items: CommentView[];
      nextCursor: string | null;
    };

  it('threads replies two levels deep, recording whom a reply to a reply answers', async () => {
    const top = await comment(ann, note.id, { body: '  好好吃的樣子！  ' });
    expect(top).toMatchObject({ body: '好好吃的樣子！', language: 'zh-Hant', parentId: null, replyTo: null });
    expect(top.author.handle).toBe('m_ann');
    const reply = await comment(bo, note.id, { body: 'Where is this?', parentId: top.id });
    expect(reply).toMatchObject({ parentId: top.id, replyTo: null, language: 'en' });
    const deeper = await comment(author, note.id, { body: 'Near Taipei 101', parentId: reply.id });
    expect(deeper.parentId).toBe(top.id);
    expect(deeper.replyTo?.handle).toBe('m_bo');
    expect(h.events('comment.created').at(-1)).toEqual({
      noteId: note.id,
      commentId: deeper.id,
      accountId: author.id,
      authorId: author.id,
      parentAuthorId: bo.id,
      mentions: [],
    });
    const page = await list(note.id);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.replyCount).toBe(2);
    expect(page.items[0]?.replies.map((r) => r.id)).toEqual([reply.id, deeper.id]);
    expect((await h.view(note.id)).commentCount).toBe(3);
  });

  it('shows the first 3 replies inline and pages the rest', async () => {
    const fresh = await h.note(author);
    const top = await comment(ann, fresh.id, { body: 'thread' });
    const replies: string[] = [];
    for (let i = 0; i < 5; i += 1)
      replies.push((await comment(bo, fresh.id, { body: `r${i}`, parentId: top.id })).id);
    const [shown] = (await list(fresh.id)).items;
    expect(shown?.replyCount).toBe(5);
    expect(shown?.replies.map((r) => r.id)).toEqual(replies.slice(0, 3));
    const first = (await h.call('GET', `/api/v1/comments/${top.id}/replies?limit=3`)).json();
    const second = (
      await h.call('GET', `/api/v1/comments/${top.id}/replies?limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect([...first.items, ...second.items].map((r: CommentView) => r.id)).toEqual(replies);
    expect(second.nextCursor).toBeNull();
  });

  it('pages top-level comments oldest first', async () => {
    const fresh = await h.note(author);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await comment(bo, fresh.id, { body: `c${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(fresh.id, undefined, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('answers a retry after a lost answer with the same comment and reply, stored once', async () => {
    const fresh = await h.note(author);
    const post = (key: string, payload: object) =>
      h.server.app.inject({
        method: 'POST',
        url: `/api/v1/notes/${fresh.id}/comments`,
        headers: { ...bearer(bo.token), 'idempotency-key': key },
        payload,
      });
    // What a crash between the commit and the recording of its answer leaves: a bare claim.
    const loseAnswer = (key: string) =>
      h.server.platform.database.db
        .updateTable('idempotency_keys' as never)
        .set({ status_code: null, response_body: null } as never)
        .where('key' as never, '=', key as never)
        .execute();
    const first = await post('k-comment', { body: 'once only' });
    expect(first.statusCode, first.body).toBe(201);
    const top = first.json() as CommentView;
    const replied = await post('k-reply', { body: 'reply once', parentId: top.id });
    expect(replied.statusCode, replied.body).toBe(201);
    await loseAnswer('k-comment');
    await loseAnswer('k-reply');
    h.server.clock.advance(31_000);
    const retried = await post('k-comment', { body: 'once only' });
    const retriedReply = await post('k-reply', { body: 'reply once', parentId: top.id });
    // The stored comment as it is now: the reply made since counts.
    expect([retried.statusCode, retried.json()]).toEqual([201, { ...top, replyCount: 1 }]);
    expect([retriedReply.statusCode, retriedReply.json().id]).toEqual([201, replied.json().id]);
    const [shown] = (await list(fresh.id)).items;
    expect((await list(fresh.id)).items.map((c) => c.id)).toEqual([top.id]);
    expect([shown?.replyCount, shown?.replies.map((r) => r.id)]).toEqual([1, [replied.json().id]]);
    expect((await h.view(fresh.id)).commentCount).toBe(2);
    expect(h.events('comment.created').filter((e) => e.noteId === fresh.id)).toHaveLength(2);
  });

  it('refuses bad bodies and foreign parents field by field, writing nothing', async () => {
    const fresh = await h.note(author);
    const elsewhere = await comment(ann, note.id, { body: 'on the first note' });
    const cases: [object, string][] = [
      [{ body: '   ' }, '/body'],
      [{ body: '\u200B\u200B' }, '/body'],
      [{ body: 'bell\u0007' }, '/body'],
      [{ body: 'x'.repeat(501) }, '/body'],
      [{ body: 'x'.repeat(10_000) }, '/body'],
      [{ body: 42 }, '/body'],
      [{}, '/body'],
      [{ body: 'hi', extra: true }, '/extra'],
      [{ body: 'hi', parentId: 'nope' }, '/parentId'],
      [{ body: 'hi', parentId: elsewhere.id }, '/parentId'],
      [{ body: 'hi', parentId: '01900000-0000-7000-8000-000000000000' }, '/parentId'],
    ];
    for (const [payload, field] of cases) {
      const res = await h.call('POST', `/api/v1/notes/${fresh.id}/comments`, bo, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await list(fresh.id)).items).toEqual([]);
    expect((await h.view(fresh.id)).commentCount).toBe(0);
    expect(
      (await h.call('POST', `/api/v1/notes/${fresh.id}/comments`, null, { body: 'hi' })).statusCode,
    ).toBe(401);
    const draft = await h.note(author, { status: 'draft' });
    expect((await h.call('POST', `/api/v1/notes/${draft.id}/comments`, bo, { body: 'hi' })).statusCode).toBe(
      404,
    );
  });

  it('resolves mentions; a blocker is left unlinked and untold, a blocked account refused', async () => {
    const fresh = await h.note(author);
    const made = await comment(bo, fresh.id, { body: 'cc @m_ann and @nobody_here, mail a@m_ann.com' });
    expect(h.events('comment.created').find((e) => e.commentId === made.id)?.mentions).toEqual([ann.id]);
    const shy = await h.user('m_shy');
    await h.block(shy, bo);
    // Bo is blocked: the comment goes in as if @m_shy were plain text, and Shy never hears of it.
    const quiet = await comment(bo, fresh.id, { body: 'hey @m_shy and @m_ann' });
    expect(h.events('comment.created').find((e) => e.commentId === quiet.id)?.mentions).toEqual([ann.id]);
    expect((await h.call('GET', '/api/v1/notifications', shy)).json().items).toEqual([]);
    // Shy blocks Bo and knows it: mentioning Bo is refused, writing nothing.
    const refused = await h.call('POST', `/api/v1/notes/${fresh.id}/comments`, shy, { body: 'hey @m_bo' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('mention_blocked');
    expect((await h.view(fresh.id)).commentCount).toBe(2);
  });

  it('refuses commenting across a block with the note’s or the parent’s author, as if missing', async () => {
    const grump = await h.user('m_grump');
    const theirs = await h.note(grump);
    const fresh = await h.note(author);
    const top = await comment(grump, fresh.id, { body: 'first' });
    const troll = await h.user('m_troll');
    await h.block(grump, troll);
    for (const [noteId, payload, status, code] of [
      [theirs.id, { body: 'hi' }, 404, 'not_found'],
      [fresh.id, { body: 'hi', parentId: top.id }, 400, 'parent_not_on_note'],
    ] as const) {
      const res = await h.call('POST', `/api/v1/notes/${noteId}/comments`, troll, payload);
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
    }
    // The blocked side no longer sees the blocker's comments, nor the blocker theirs.
    await comment(troll, fresh.id, { body: 'still here' });
    const trollView = (await list(fresh.id, troll)).items.map((c) => c.author.handle);
    const grumpView = (await list(fresh.id, grump)).items.map((c) => c.author.handle);
    expect(trollView).toEqual(['m_troll']);
    expect(grumpView).toEqual(['m_grump']);
    expect((await list(fresh.id)).items).toHaveLength(2);
    expect((await h.call('GET', `/api/v1/notes/${theirs.id}/comments`, troll)).statusCode).toBe(404);
  });

  it('lets the comment’s author or the note’s author delete; a top-level comment takes its replies', async () => {
    const fresh = await h.note(author);
    const top = await comment(ann, fresh.id, { body: 'top' });
    const reply = await comment(bo, fresh.id, { body: 'reply', parentId: top.id });
    await comment(ann, fresh.id, { body: 'reply 2', parentId: reply.id });
    const lone = await comment(bo, fresh.id, { body: 'lone' });
    expect((await h.view(fresh.id)).commentCount).toBe(4);
    const stranger = await h.user('m_stranger');
    const refused = await h.call('DELETE', `/api/v1/comments/${top.id}`, stranger);
    expect(refused.statusCode).toBe(403);
    expect((await h.call('DELETE', `/api/v1/comments/${reply.id}`, bo)).statusCode).toBe(204);
    expect((await list(fresh.id)).items.find((c) => c.id === top.id)?.replyCount).toBe(1);
    expect((await h.view(fresh.id)).commentCount).toBe(3);
    expect((await h.call('DELETE', `/api/v1/comments/${top.id}`, author)).statusCode).toBe(204);
    expect((await list(fresh.id)).items.map((c) => c.id)).toEqual([lone.id]);
    expect((await h.view(fresh.id)).commentCount).toBe(1);
    expect((await h.call('DELETE', `/api/v1/comments/${top.id}`, author)).statusCode).toBe(404);
    expect((await h.call('GET', `/api/v1/comments/${top.id}/replies`)).statusCode).toBe(404);
  });
});
