import { tables } from '@plaza/kernel';
import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnNotesContributor } from './own-notes.ts';
import type { SocialTables } from './shared/tables.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from './test-support.ts';

const PASSWORD = 'correct horse battery';

describe.each(testDatabases())('social rows on a deleted account’s notes on $name', (target) => {
  let h: SocialHarness;
  let db: ReturnType<typeof tables<SocialTables>>;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    db = tables<SocialTables>(h.server.platform);
  });
  afterAll(() => h.server.close());

  /** Rows of every social table that reference one of the notes, per table. */
  async function rowsOn(noteIds: string[]) {
    const [likes, items, collects, comments] = await Promise.all([
      db.selectFrom('social_likes').select('note_id').where('note_id', 'in', noteIds).execute(),
      db.selectFrom('social_collection_items').select('note_id').where('note_id', 'in', noteIds).execute(),
      db.selectFrom('social_collects').select('note_id').where('note_id', 'in', noteIds).execute(),
      db.selectFrom('social_comments').select('note_id').where('note_id', 'in', noteIds).execute(),
    ]);
    return { likes: likes.length, items: items.length, collects: collects.length, comments: comments.length };
  }

  async function comment(user: TestUser, noteId: string, body: string, parentId?: string): Promise<string> {
    const res = await h.call('POST', `/api/v1/notes/${noteId}/comments`, user, { body, parentId });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  async function collect(user: TestUser, noteId: string, collectionId?: string): Promise<string> {
    const res = await h.call(
      'POST',
      `/api/v1/notes/${noteId}/collect`,
      user,
      collectionId && { collectionId },
    );
    expect(res.statusCode).toBe(200);
    return res.json().collectionId;
  }

  const noteCountOf = async (boardId: string, owner: TestUser) =>
    (await h.call('GET', `/api/v1/collections/${boardId}`, owner)).json().noteCount;

  it('removes others’ likes, board entries and comments with the notes, keeping boards’ counts right', async () => {
    const [author, fan, other] = [await h.user('o_author'), await h.user('o_fan'), await h.user('o_other')];
    const note = await h.note(author);
    const kept = await h.note(other);
    for (const id of [note.id, kept.id]) await h.call('POST', `/api/v1/notes/${id}/like`, fan);
    await h.call('POST', `/api/v1/notes/${note.id}/like`, other);
    const trip = (await h.call('POST', '/api/v1/collections', fan, { name: 'Trip' })).json().id;
    await collect(fan, note.id, trip);
    const saved = await collect(fan, note.id);
    await collect(fan, kept.id, saved);
    const othersBoard = await collect(other, note.id);
    const top = await comment(fan, note.id, 'lovely');
    await comment(fan, note.id, 'and more', top);
    await comment(fan, note.id, 'agreed', await comment(other, note.id, 'nice'));
    await comment(fan, note.id, 'thanks!', await comment(author, note.id, 'hello'));
    expect(await rowsOn([note.id])).toEqual({ likes: 2, items: 3, collects: 2, comments: 6 });
    expect(await noteCountOf(trip, fan)).toBe(1);

    const gone = await h.call('DELETE', '/api/v1/me', author, { password: PASSWORD });
    expect(gone.statusCode).toBe(204);

    expect(await rowsOn([note.id])).toEqual({ likes: 0, items: 0, collects: 0, comments: 0 });
    expect(await noteCountOf(trip, fan)).toBe(0);
    expect(await noteCountOf(saved, fan)).toBe(1);
    expect(await noteCountOf(othersBoard, other)).toBe(0);
    // Nothing on notes of accounts that stay is touched.
    expect(await rowsOn([kept.id])).toEqual({ likes: 1, items: 1, collects: 1, comments: 0 });
    expect(await h.view(kept.id)).toMatchObject({ likeCount: 1, collectCount: 1 });
  });

  it('pages through every note in bounded batches, all inside the caller’s transaction', async () => {
    const [author, fan] = [await h.user('p_author'), await h.user('p_fan')];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await h.note(author)).id);
    for (const id of ids) {
      await h.call('POST', `/api/v1/notes/${id}/like`, fan);
      await collect(fan, id);
      await comment(fan, id, `on ${id}`);
    }
    const social = h.modules.social;
    const contributor = createOwnNotesContributor(
      h.modules.notes,
      [social.likes.onNotesDeleted, social.collect.onNotesDeleted, social.comments.onNotesDeleted],
      2,
    );
    const before = { likes: 3, items: 3, collects: 3, comments: 3 };
    expect(await rowsOn(ids)).toEqual(before);

    // A rolled-back erase leaves everything: no write escaped the transaction (and on SQLite a
    // query on the root connection would have waited on the transaction forever).
    const rollback = new Error('roll back');
    await expect(
      db.transaction().execute(async (trx) => {
        await contributor.erase(author.id, trx);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await rowsOn(ids)).toEqual(before);

    await db.transaction().execute((trx) => contributor.erase(author.id, trx));
    expect(await rowsOn(ids)).toEqual({ likes: 0, items: 0, collects: 0, comments: 0 });
  });
});
