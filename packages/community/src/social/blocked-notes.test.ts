import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../contracts.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from './test-support.ts';

// A well-formed id no note or comment has.
const MISSING_ID = '0190a000-0000-7000-8000-000000000000';

type Act = (noteId: string, parentId?: string) => ReturnType<SocialHarness['call']>;

/**
 * Across a block, every act on the other side's note must answer exactly as it would on a
 * note that does not exist: a 403 `blocked` would tell the blocked account it was blocked.
 */
describe.each(testDatabases())('acts across a block look like a missing note on $name', (target) => {
  let h: SocialHarness;
  let grump: TestUser;
  let troll: TestUser;
  let bystander: TestUser;
  let grumpNote: NoteView;
  let trollNote: NoteView;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    grump = await h.user('b_grump');
    troll = await h.user('b_troll');
    bystander = await h.user('b_bystander');
    grumpNote = await h.note(grump);
    trollNote = await h.note(troll);
    await h.block(grump, troll);
  });
  afterAll(() => h.server.close());

  const acts = (who: TestUser): Record<string, Act> => ({
    comment: (id) => h.call('POST', `/api/v1/notes/${id}/comments`, who, { body: 'hi' }),
    'list comments': (id) => h.call('GET', `/api/v1/notes/${id}/comments`, who),
    like: (id) => h.call('POST', `/api/v1/notes/${id}/like`, who),
    unlike: (id) => h.call('DELETE', `/api/v1/notes/${id}/like`, who),
    collect: (id) => h.call('POST', `/api/v1/notes/${id}/collect`, who, {}),
    uncollect: (id) => h.call('DELETE', `/api/v1/notes/${id}/collect`, who),
  });

  it('answers the blocked account as for a missing note, on every act, and writes nothing', async () => {
    for (const [name, act] of Object.entries(acts(troll))) {
      const missing = await act(MISSING_ID);
      const blocked = await act(grumpNote.id);
      expect(missing.statusCode, name).toBe(404);
      expect([blocked.statusCode, blocked.json()], name).toEqual([missing.statusCode, missing.json()]);
    }
    const seen = await h.view(grumpNote.id, grump);
    expect([seen.likeCount, seen.collectCount, seen.commentCount]).toEqual([0, 0, 0]);
  });

  it('answers the blocker the same way on the blocked account’s note', async () => {
    for (const [name, act] of Object.entries(acts(grump))) {
      const missing = await act(MISSING_ID);
      const blocked = await act(trollNote.id);
      expect([blocked.statusCode, blocked.json()], name).toEqual([missing.statusCode, missing.json()]);
    }
  });

  it('answers a reply to a blocker’s note as a reply to a missing note', async () => {
    const top = await h.call('POST', `/api/v1/notes/${grumpNote.id}/comments`, bystander, { body: 'nice' });
    expect(top.statusCode).toBe(201);
    const reply = (noteId: string) =>
      h.call('POST', `/api/v1/notes/${noteId}/comments`, troll, { body: 'hey', parentId: top.json().id });
    const [blocked, missing] = [await reply(grumpNote.id), await reply(MISSING_ID)];
    expect([blocked.statusCode, blocked.json()]).toEqual([404, missing.json()]);
  });

  it('answers a reply to a blocker’s comment on someone else’s note as a reply to a missing comment', async () => {
    const note = await h.note(bystander);
    const theirs = await h.call('POST', `/api/v1/notes/${note.id}/comments`, grump, { body: 'first' });
    expect(theirs.statusCode).toBe(201);
    const reply = (parentId: string) =>
      h.call('POST', `/api/v1/notes/${note.id}/comments`, troll, { body: 'hey', parentId });
    const [blocked, missing] = [await reply(theirs.json().id), await reply(MISSING_ID)];
    expect(missing.statusCode).toBe(400);
    expect([blocked.statusCode, blocked.json()]).toEqual([missing.statusCode, missing.json()]);
    expect((await h.view(note.id)).commentCount).toBe(1);
  });
});
