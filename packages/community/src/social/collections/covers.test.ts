import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../../contracts.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from '../test-support.ts';

interface BoardWithCovers {
  id: string;
  name: string;
  covers: string[];
}

describe.each(testDatabases())('board covers on $name', (target) => {
  let h: SocialHarness;
  let owner: TestUser;
  let writer: TestUser;
  let rude: TestUser;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    owner = await h.user('bc_owner');
    writer = await h.user('bc_writer');
    rude = await h.user('bc_rude');
  });
  afterAll(() => h.server.close());

  const collect = async (note: NoteView, collectionId: string) => {
    const res = await h.call('POST', `/api/v1/notes/${note.id}/collect`, owner, { collectionId });
    expect(res.statusCode, res.body).toBeLessThan(300);
  };
  const boards = async (viewer: TestUser | null) =>
    (
      (await h.call('GET', '/api/v1/accounts/bc_owner/collections', viewer)).json() as {
        items: BoardWithCovers[];
      }
    ).items;
  const coverOf = (note: NoteView) => note.images[0]?.urls.thumb ?? note.images[0]?.urls.large;

  it("shows the first photos of a board's three latest notes, newest first, skipping what the viewer may not see", async () => {
    const board = (await h.call('POST', '/api/v1/collections', owner, { name: 'Trips' })).json() as {
      id: string;
    };
    const empty = (await h.call('POST', '/api/v1/collections', owner, { name: 'Empty' })).json() as {
      id: string;
    };
    const notes: NoteView[] = [];
    for (let i = 0; i < 4; i += 1) notes.push(await h.note(writer));
    const byRude = await h.note(rude);
    for (const note of [...notes, byRude]) await collect(note, board.id);

    const forOwner = await boards(owner);
    const trips = forOwner.find((b) => b.id === board.id);
    expect(trips?.covers).toEqual([byRude, notes[3], notes[2]].map((n) => coverOf(n!)));
    expect(forOwner.find((b) => b.id === empty.id)?.covers).toEqual([]);
    // A reader who blocks the latest note's author sees the next ones instead.
    const reader = await h.user('bc_reader');
    await h.block(reader, rude);
    expect((await boards(reader)).find((b) => b.id === board.id)?.covers).toEqual(
      [notes[3], notes[2], notes[1]].map((n) => coverOf(n!)),
    );
    // A deleted note leaves the covers.
    expect((await h.call('DELETE', `/api/v1/notes/${notes[3]!.id}`, writer)).statusCode).toBe(204);
    expect((await boards(null)).find((b) => b.id === board.id)?.covers).toEqual(
      [byRude, notes[2], notes[1]].map((n) => coverOf(n!)),
    );
  });
});
