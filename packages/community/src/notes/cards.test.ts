import { ManualClock } from '@plaza/kernel';
import { describe, expect, it } from 'vitest';
import type { AuthorView, NoteCard } from '../contracts.ts';
import { createNoteCards } from './cards.ts';
import { createNoteContents } from './contents.ts';
import { createStateCache, DEFAULT_STATE_CACHE } from './states.ts';
import type { NoteRow } from './store.ts';

const row = (id: string, authorId: string, likes = 0): NoteRow => ({
  id,
  author_id: authorId,
  title: `title of ${id}`,
  body: '',
  language: 'en',
  status: 'published',
  topics: '[]',
  explicit_topics: '[]',
  mention_ids: '[]',
  like_count: likes,
  collect_count: 0,
  comment_count: 0,
  created_at: 1,
  updated_at: 1,
});

const author = (id: string, displayName = id): AuthorView =>
  Object.freeze({ id, handle: id, displayName, avatarUrl: null });

/**
 * Cards over real state and content caches on an in-memory "database" that counts its state
 * reads; authors, blocks and likes are the owners' caches as the cards see them (objects
 * handed out again while unchanged, new ones after a change).
 */
function setup() {
  const rows = new Map([
    ['n1', row('n1', 'ann')],
    ['n2', row('n2', 'bo')],
    ['n3', row('n3', 'ann')],
  ]);
  const authors = new Map([
    ['ann', author('ann')],
    ['bo', author('bo')],
  ]);
  const reads = { states: 0 };
  let liked: ReadonlyMap<string, boolean> = new Map([['n1', false]]);
  const clock = new ManualClock();
  const copies = (ids: string[]) => ids.flatMap((id) => (rows.has(id) ? [{ ...rows.get(id)! }] : []));
  const store = {
    statesByIds: async (ids: string[]) => {
      reads.states += 1;
      return copies(ids);
    },
    byIds: async (ids: string[]) => copies(ids),
    mediaLinks: async () => [],
  };
  const states = createStateCache({ store, clock });
  const cards = createNoteCards({
    states,
    contents: createNoteContents({ store, media: { imagesByIds: async () => new Map() }, clock }),
    blocks: { eitherBlocks: async () => false, blocks: async () => false, hiddenFrom: async () => new Set() },
    profiles: {
      authorsByIds: async (ids) =>
        new Map(ids.flatMap((id) => (authors.has(id) ? [[id, authors.get(id)!]] : []))),
    },
    clock,
    likedState: () => async () => liked,
  });
  return {
    rows,
    authors,
    reads,
    clock,
    states,
    setLiked: (next: ReadonlyMap<string, boolean>) => {
      liked = next;
    },
    read: (ids: string[], hidden: ReadonlySet<string> = NO_ONE) => cards(ids, 'viewer', { hidden }),
  };
}

const NO_ONE: ReadonlySet<string> = new Set();
const ids = ['n1', 'n2', 'n3'];
const titles = (cards: NoteCard[]) => cards.map((c) => c.title);

describe('note cards asked again for the same notes', () => {
  it('answers the same card objects without reading any state again', async () => {
    const t = setup();
    const first = await t.read(ids);
    const second = await t.read(ids);
    expect(second).toEqual(first);
    for (const [i, card] of second.entries()) expect(card).toBe(first[i]);
    expect(t.reads.states).toBe(1);
    // A copy each time: a caller changing its array changes no later answer.
    second.pop();
    expect(await t.read(ids)).toHaveLength(3);
  });

  it('shows a like made a moment before, and keeps the cards when a re-read likes the same', async () => {
    const t = setup();
    await t.read(ids);
    t.setLiked(new Map([['n2', true]]));
    const liked = await t.read(ids);
    expect(liked.map((c) => c.liked)).toEqual([false, true, false]);
    t.setLiked(new Map([['n2', true]]));
    const again = await t.read(ids);
    for (const [i, card] of again.entries()) expect(card).toBe(liked[i]);
  });

  it('shows a new count once the state is forgotten, and a new author card at once', async () => {
    const t = setup();
    await t.read(ids);
    t.rows.set('n1', row('n1', 'ann', 5));
    t.states.forget(['n1']);
    expect((await t.read(ids))[0]?.likeCount).toBe(5);
    t.authors.set('bo', author('bo', 'Bo renamed'));
    expect((await t.read(ids))[1]?.author.displayName).toBe('Bo renamed');
  });

  it('drops what became hidden, a draft or deleted, and answers other notes anew', async () => {
    const t = setup();
    await t.read(ids);
    expect(titles(await t.read(ids, new Set(['ann'])))).toEqual(['title of n2']);
    t.rows.set('n2', { ...row('n2', 'bo'), status: 'draft' });
    t.rows.delete('n3');
    t.states.forget(['n2', 'n3']);
    expect(titles(await t.read(ids))).toEqual(['title of n1']);
    expect(titles(await t.read(['n1', 'n1']))).toEqual(['title of n1']);
  });

  it('reads the states again past their time to live instead of answering from memory', async () => {
    const t = setup();
    await t.read(ids);
    t.rows.set('n1', row('n1', 'ann', 7));
    t.clock.advance(DEFAULT_STATE_CACHE.ttlMs);
    expect((await t.read(ids))[0]?.likeCount).toBe(7);
    expect(t.reads.states).toBe(2);
  });
});
