import { describe, expect, it } from 'vitest';
import type { ImageView } from '../contracts.ts';
import { type ContentsDeps, createNoteContents } from './contents.ts';
import type { NoteRow, NoteState } from './store.ts';

/** An in-memory notes table that counts the queries asked of it. */
function fakeStore(count: number) {
  const rows = new Map<string, NoteRow>();
  for (let i = 0; i < count; i += 1) {
    const id = `n${i}`;
    rows.set(id, {
      id,
      author_id: `a${i % 3}`,
      title: `title ${i}`,
      body: `body ${i}`,
      language: 'en',
      status: 'published',
      topics: '["t"]',
      explicit_topics: '["t"]',
      mention_ids: '[]',
      like_count: 0,
      collect_count: 0,
      comment_count: 0,
      created_at: i,
      updated_at: i,
    });
  }
  const queries: string[] = [];
  const state = ({ title, body, language, topics, explicit_topics, mention_ids, ...rest }: NoteRow) => rest;
  const pick = (ids: string[]) => ids.flatMap((id) => rows.get(id) ?? []);
  const store: ContentsDeps['store'] = {
    async statesByIds(ids): Promise<NoteState[]> {
      queries.push('states');
      return pick(ids).map(state);
    },
    async byIds(ids) {
      if (ids.length > 0) queries.push('rows');
      return pick(ids).map((r) => ({ ...r }));
    },
    async mediaLinks(ids) {
      if (ids.length > 0) queries.push('links');
      return pick(ids).map((r) => ({ note_id: r.id, position: 0, media_id: `m-${r.id}` }));
    },
  };
  const media: ContentsDeps['media'] = {
    async imagesByIds(ids) {
      queries.push('images');
      return new Map(
        ids.map((id): [string, ImageView] => [id, { id, width: 1, height: 1, urls: { thumb: `/${id}` } }]),
      );
    },
  };
  return { rows, queries, store, media };
}

async function readAll(contents: ReturnType<typeof createNoteContents>, ids: string[]) {
  const read = await contents.read(ids);
  return read.complete(read.states);
}

describe('note contents cache', () => {
  const options = { entriesMax: 5, ttlMs: 60_000 };

  it('reads cached contents with one query for the fresh state', async () => {
    const fake = fakeStore(3);
    const contents = createNoteContents({ ...fake, clock: { nowMs: () => 0 }, options });
    const cold = await readAll(contents, ['n0', 'n1', 'n2']);
    expect(fake.queries).toEqual(['rows', 'links', 'images']);
    expect(cold.get('n1')).toMatchObject({ title: 'title 1', images: [{ id: 'm-n1' }] });
    fake.queries.length = 0;
    const warm = await readAll(contents, ['n0', 'n1', 'n2']);
    expect(fake.queries).toEqual(['states']);
    expect(warm.get('n1')).toBe(cold.get('n1'));
  });

  it('rereads a note whose row is newer than its cached contents (an edit made elsewhere)', async () => {
    const fake = fakeStore(2);
    const contents = createNoteContents({ ...fake, clock: { nowMs: () => 0 }, options });
    await readAll(contents, ['n0', 'n1']);
    fake.rows.set('n1', { ...fake.rows.get('n1')!, title: 'edited', updated_at: 99 });
    fake.queries.length = 0;
    const after = await readAll(contents, ['n0', 'n1']);
    expect(after.get('n1')?.title).toBe('edited');
    expect(after.get('n0')?.title).toBe('title 0');
    expect(fake.queries).toEqual(['states', 'rows', 'links', 'images']);
  });

  it('holds at most its bound; notes pushed out are read again, correctly', async () => {
    const fake = fakeStore(12);
    const contents = createNoteContents({ ...fake, clock: { nowMs: () => 0 }, options });
    const ids = [...fake.rows.keys()];
    for (let i = 0; i < ids.length; i += 3) await readAll(contents, ids.slice(i, i + 3));
    expect(contents.cachedCount()).toBe(5);
    fake.queries.length = 0;
    const again = await readAll(contents, ['n0', 'n11']);
    expect(fake.queries).toEqual(['rows', 'links', 'images']);
    expect(again.get('n0')?.title).toBe('title 0');
    expect(again.get('n11')?.title).toBe('title 11');
    expect(contents.cachedCount()).toBe(5);
  });

  it('forgets a note, an author, and everything past the time to live', async () => {
    let now = 0;
    const fake = fakeStore(6);
    const contents = createNoteContents({
      ...fake,
      clock: { nowMs: () => now },
      options: { entriesMax: 10, ttlMs: 1_000 },
    });
    await readAll(contents, ['n0', 'n1', 'n2', 'n3']);
    contents.forget(['n0']);
    contents.forgetAuthor('a1'); // n1 and n4
    expect(contents.cachedCount()).toBe(2);
    now = 1_000;
    fake.queries.length = 0;
    await readAll(contents, ['n2', 'n3']);
    expect(fake.queries).toEqual(['rows', 'links', 'images']);
  });

  it('shares nothing read inside a caller’s transaction', async () => {
    const fake = fakeStore(2);
    const contents = createNoteContents({ ...fake, clock: { nowMs: () => 0 }, options });
    const trx = {} as NonNullable<Parameters<typeof contents.read>[1]>;
    const read = await contents.read(['n0', 'n1'], trx);
    await read.complete(read.states);
    expect(contents.cachedCount()).toBe(0);
  });

  it('hands out contents that cannot be changed by one caller for the others', async () => {
    const fake = fakeStore(1);
    const contents = createNoteContents({ ...fake, clock: { nowMs: () => 0 }, options });
    const content = (await readAll(contents, ['n0'])).get('n0')!;
    expect(() => content.topics.push('x')).toThrow(TypeError);
    expect(() => content.images.pop()).toThrow(TypeError);
  });
});
