import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../../contracts.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from '../test-support.ts';

interface Board {
  id: string;
  name: string;
  private: boolean;
  isDefault: boolean;
  noteCount: number;
}

describe.each(testDatabases())('collections on $name', (target) => {
  let h: SocialHarness;
  let owner: TestUser;
  let other: TestUser;
  let author: TestUser;
  let note: NoteView;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    owner = await h.user('c_owner');
    other = await h.user('c_other');
    author = await h.user('c_author');
    note = await h.note(author);
  });
  afterAll(() => h.server.close());

  const create = async (who: TestUser, payload: object): Promise<Board> => {
    const res = await h.call('POST', '/api/v1/collections', who, payload);
    expect(res.statusCode).toBe(201);
    return res.json() as Board;
  };
  const collect = (who: TestUser, noteId: string, payload?: object, method: 'POST' | 'DELETE' = 'POST') =>
    h.call(method, `/api/v1/notes/${noteId}/collect`, who, payload);
  const boardsOf = async (handle: string, viewer?: TestUser) =>
    ((await h.call('GET', `/api/v1/accounts/${handle}/collections`, viewer)).json().items as Board[]).map(
      (b) => b.name,
    );

  it('creates a board, with field-level errors and nothing written for bad input', async () => {
    const board = await create(owner, { name: '  Taipei cafés ', description: 'Quiet ones' });
    expect(board).toMatchObject({ name: 'Taipei cafés', private: false, isDefault: false, noteCount: 0 });
    const bad = await h.call('POST', '/api/v1/collections', owner, {
      name: ' \u200B ',
      description: 'a\u0007b',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['/description', '/name']);
    for (const payload of [
      { name: 'x'.repeat(31) },
      { name: 'ok', extra: 1 },
      { name: 5 },
      {},
      { name: 'a\nb' },
    ]) {
      const res = await h.call('POST', '/api/v1/collections', owner, payload);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors?.length ?? 0).toBeGreaterThan(0);
    }
    expect(await boardsOf(owner.handle, owner)).toEqual(['Taipei cafés']);
  });

  it('keeps private boards invisible to everyone but the owner', async () => {
    const secret = await create(owner, { name: 'Secret', private: true });
    expect((await h.call('GET', `/api/v1/collections/${secret.id}`, owner)).statusCode).toBe(200);
    expect((await h.call('GET', `/api/v1/collections/${secret.id}`, other)).statusCode).toBe(404);
    expect((await h.call('GET', `/api/v1/collections/${secret.id}`)).statusCode).toBe(404);
    expect(await boardsOf(owner.handle, other)).not.toContain('Secret');
    expect(await boardsOf(owner.handle)).not.toContain('Secret');
    expect(await boardsOf(owner.handle, owner)).toContain('Secret');
    expect(
      (await h.call('PATCH', `/api/v1/collections/${secret.id}`, other, { name: 'Mine' })).statusCode,
    ).toBe(404);
    expect((await h.call('DELETE', `/api/v1/collections/${secret.id}`, other)).statusCode).toBe(404);
    expect((await collect(other, note.id, { collectionId: secret.id })).statusCode).toBe(404);
  });

  it('lets only the owner change or delete a public board', async () => {
    const shared = await create(owner, { name: 'Shared' });
    const patch = await h.call('PATCH', `/api/v1/collections/${shared.id}`, other, { name: 'Hijacked' });
    expect(patch.statusCode).toBe(403);
    expect((await h.call('DELETE', `/api/v1/collections/${shared.id}`, other)).statusCode).toBe(403);
    expect((await collect(other, note.id, { collectionId: shared.id })).statusCode).toBe(403);
    const renamed = await h.call('PATCH', `/api/v1/collections/${shared.id}`, owner, {
      name: 'Renamed',
      private: true,
    });
    expect(renamed.json()).toMatchObject({ name: 'Renamed', private: true });
    expect((await h.call('PATCH', `/api/v1/collections/${shared.id}`, owner, {})).statusCode).toBe(400);
    expect((await h.call('DELETE', `/api/v1/collections/${shared.id}`, owner)).statusCode).toBe(204);
    expect((await h.call('GET', `/api/v1/collections/${shared.id}`, owner)).statusCode).toBe(404);
  });

  it('collects into a default board named in the account’s language, once however often asked', async () => {
    const mei = await h.user('c_mei', 'zh-TW');
    const first = await collect(mei, note.id);
    expect(first.statusCode).toBe(200);
    expect((await collect(mei, note.id)).json()).toEqual({ ...first.json(), collected: true });
    expect(first.json().collectCount).toBe(1);
    const board = (await h.call('GET', `/api/v1/collections/${first.json().collectionId}`, mei)).json();
    expect(board).toMatchObject({ name: '收藏', isDefault: true, noteCount: 1 });
    expect(board.notes.items.map((n: NoteView) => n.id)).toEqual([note.id]);
    const sam = await h.user('c_sam', 'en');
    const samBoard = (await collect(sam, note.id)).json().collectionId;
    expect((await h.call('GET', `/api/v1/collections/${samBoard}`, sam)).json().name).toBe('Saved');
    expect(h.events('collect.created').filter((e) => e.noteId === note.id)).toEqual([
      { noteId: note.id, accountId: mei.id, authorId: author.id },
      { noteId: note.id, accountId: sam.id, authorId: author.id },
    ]);
    await collect(mei, note.id, undefined, 'DELETE');
    await collect(sam, note.id, undefined, 'DELETE');
  });

  it('counts a note collected on two boards once, until it leaves the last one', async () => {
    const fresh = await h.note(author);
    const trips = await create(other, { name: 'Trips' });
    const food = await create(other, { name: 'Food' });
    expect((await collect(other, fresh.id, { collectionId: trips.id })).json().collectCount).toBe(1);
    expect((await collect(other, fresh.id, { collectionId: food.id })).json().collectCount).toBe(1);
    const seen = await h.view(fresh.id, other);
    expect(seen.collectCount).toBe(1);
    expect(seen.viewer).toEqual({ liked: false, collected: true });
    expect(h.events('collect.created').filter((e) => e.noteId === fresh.id)).toHaveLength(1);

    const offOne = await collect(other, fresh.id, { collectionId: trips.id }, 'DELETE');
    expect(offOne.json()).toEqual({ collected: true, collectCount: 1 });
    expect((await collect(other, fresh.id, { collectionId: food.id })).json().collectCount).toBe(1);
    await collect(other, fresh.id, { collectionId: trips.id });
    expect((await collect(other, fresh.id, undefined, 'DELETE')).json()).toEqual({
      collected: false,
      collectCount: 0,
    });
    expect((await collect(other, fresh.id, undefined, 'DELETE')).json()).toEqual({
      collected: false,
      collectCount: 0,
    });
    expect((await h.view(fresh.id, other)).collectCount).toBe(0);
    const board = (await h.call('GET', `/api/v1/collections/${food.id}`, other)).json();
    expect(board.noteCount).toBe(0);
  });

  it('counts one collect when two boards take the same note at once', async () => {
    const fresh = await h.note(author);
    const boards = await Promise.all([create(other, { name: 'Race A' }), create(other, { name: 'Race B' })]);
    const answers = await Promise.all(boards.map((b) => collect(other, fresh.id, { collectionId: b.id })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect((await h.view(fresh.id)).collectCount).toBe(1);
    expect(h.events('collect.created').filter((e) => e.noteId === fresh.id)).toHaveLength(1);
  });

  it('deleting a board takes back collects held by no other board', async () => {
    const a = await h.note(author);
    const b = await h.note(author);
    const keep = await create(author, { name: 'Keep' });
    const drop = await create(author, { name: 'Drop' });
    await collect(author, a.id, { collectionId: keep.id });
    await collect(author, a.id, { collectionId: drop.id });
    await collect(author, b.id, { collectionId: drop.id });
    expect((await h.call('DELETE', `/api/v1/collections/${drop.id}`, author)).statusCode).toBe(204);
    expect((await h.view(a.id)).collectCount).toBe(1);
    expect((await h.view(b.id)).collectCount).toBe(0);
  });

  it('refuses collecting notes one cannot see', async () => {
    const draft = await h.note(author, { status: 'draft' });
    expect((await collect(other, draft.id)).statusCode).toBe(404);
    const blocker = await h.user('c_blocker');
    const theirs = await h.note(blocker);
    await h.block(blocker, other);
    expect((await collect(other, theirs.id)).statusCode).toBe(404);
    expect((await collect(other, theirs.id, { collectionId: 'nope' })).statusCode).toBe(400);
  });

  it('pages boards and board notes with cursors', async () => {
    const pager = await h.user('c_pager');
    const board = await create(pager, { name: 'Many' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const n = await h.note(author);
      ids.push(n.id);
      await collect(pager, n.id, { collectionId: board.id });
    }
    const first = (await h.call('GET', `/api/v1/collections/${board.id}?limit=2`, pager)).json();
    const second = (
      await h.call('GET', `/api/v1/collections/${board.id}?limit=2&cursor=${first.notes.nextCursor}`, pager)
    ).json();
    const seen = [...first.notes.items, ...second.notes.items].map((n: NoteView) => n.id);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(second.notes.nextCursor).toBeNull();
    await create(pager, { name: 'Second' });
    const p1 = (await h.call('GET', `/api/v1/accounts/${pager.handle}/collections?limit=1`)).json();
    const p2 = (
      await h.call('GET', `/api/v1/accounts/${pager.handle}/collections?limit=1&cursor=${p1.nextCursor}`)
    ).json();
    expect([...p1.items, ...p2.items].map((b: Board) => b.name).sort()).toEqual(['Many', 'Second']);
  });
});
