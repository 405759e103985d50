import { ManualClock } from '@plaza/kernel';
import { describe, expect, it } from 'vitest';
import { createLikedState, DEFAULT_LIKED_STATE } from './liked-state.ts';

/** The likes table in memory, counting the queries asked of it. */
function likesTable() {
  const likes = new Set<string>();
  const asked: string[][] = [];
  return {
    like: (viewer: string, note: string) => likes.add(`${viewer}/${note}`),
    unlike: (viewer: string, note: string) => likes.delete(`${viewer}/${note}`),
    asked,
    async likedAmong(viewer: string, noteIds: string[]) {
      asked.push(noteIds);
      return new Set(noteIds.filter((id) => likes.has(`${viewer}/${id}`)));
    },
    async likedAmongMany(asks: { accountId: string; noteIds: string[] }[]) {
      const liked = new Map<string, Set<string>>();
      for (const { accountId, noteIds } of asks) {
        asked.push(noteIds);
        liked.set(accountId, new Set(noteIds.filter((id) => likes.has(`${accountId}/${id}`))));
      }
      return liked;
    },
  };
}

/** The liked ones among `noteIds`, sorted. */
const likedAmong = (known: ReadonlyMap<string, boolean>, noteIds: string[]) =>
  noteIds.filter((id) => known.get(id) === true).sort();

describe('liked state for cards', () => {
  it('asks the database only for notes it does not know yet for the viewer', async () => {
    const table = likesTable();
    const state = createLikedState(table, new ManualClock());
    table.like('v', 'n1');
    expect(likedAmong(await state.provider(['n1', 'n2'], 'v'), ['n1', 'n2'])).toEqual(['n1']);
    expect(likedAmong(await state.provider(['n1', 'n2'], 'v'), ['n1', 'n2'])).toEqual(['n1']);
    expect(likedAmong(await state.provider(['n2', 'n3'], 'v'), ['n2', 'n3'])).toEqual([]);
    expect(table.asked).toEqual([['n1', 'n2'], ['n3']]);
    // Another viewer has an entry of its own.
    expect(likedAmong(await state.provider(['n1'], 'w'), ['n1'])).toEqual([]);
  });

  it('reads again after the viewer liked or unliked (forget), and when the time to live passed', async () => {
    const table = likesTable();
    const clock = new ManualClock();
    const state = createLikedState(table, clock);
    expect(likedAmong(await state.provider(['n1'], 'v'), ['n1'])).toEqual([]);
    table.like('v', 'n1');
    expect(likedAmong(await state.provider(['n1'], 'v'), ['n1'])).toEqual([]);
    state.forget('v');
    expect(likedAmong(await state.provider(['n1'], 'v'), ['n1'])).toEqual(['n1']);
    // Another process's unlike: seen once the time to live passed.
    table.unlike('v', 'n1');
    clock.advance(DEFAULT_LIKED_STATE.ttlMs);
    expect(likedAmong(await state.provider(['n1'], 'v'), ['n1'])).toEqual([]);
  });

  it('starts a viewer over past its bound of notes, keeping what it knows of the notes asked', async () => {
    const table = likesTable();
    const state = createLikedState(table, new ManualClock(), {
      ...DEFAULT_LIKED_STATE,
      notesPerViewerMax: 3,
    });
    table.like('v', 'a');
    await state.provider(['a', 'b'], 'v');
    expect(likedAmong(await state.provider(['a', 'c', 'd'], 'v'), ['a', 'c', 'd'])).toEqual(['a']);
    expect(table.asked).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // b was dropped with the start over; a, c and d are known.
    await state.provider(['a', 'b', 'c', 'd'], 'v');
    expect(table.asked.at(-1)).toEqual(['b']);
  });
});
