import { Page } from '@plaza/kernel';
import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardAuthor, NoteCard } from '../contracts.ts';
import { NoteCardSchema } from '../notes/schema.ts';
import { createCardWriter } from './card-json.ts';

const CardPage = Page(NoteCardSchema);

// Any text a person may type, and what breaks naive JSON: quotes, backslashes, control
// characters, emoji, zero-width characters and lone surrogates.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('"', '\\', '\u0000\n\t', '台灣美食 🍜', 'a\u200bb', '\ud800', '</script>'),
);

const author = fc.record<CardAuthor>({
  handle: text,
  displayName: text,
  avatarUrl: fc.option(text, { nil: null }),
});

const card = fc.record<NoteCard>({
  id: fc.uuid(),
  author,
  title: text,
  cover: fc.option(fc.record({ url: text, width: fc.nat(10_000), height: fc.nat(10_000) }), { nil: null }),
  likeCount: fc.nat(),
  liked: fc.option(fc.boolean(), { nil: null }),
});

const page = fc.record({
  items: fc.uniqueArray(card, { selector: (c) => c.id, maxLength: 25 }),
  nextCursor: fc.option(text, { nil: null }),
});

const parse = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as unknown;

describe('card writer', () => {
  it('writes what JSON.stringify writes, in UTF-8, matching the documented schema', () => {
    const writer = createCardWriter();
    fc.assert(
      fc.property(page, (p) => {
        const first = writer.page(p);
        expect(parse(first)).toEqual(JSON.parse(JSON.stringify(p)));
        expect(Value.Check(CardPage, parse(first))).toBe(true);
        expect(first.equals(Buffer.from(first.toString('utf8')))).toBe(true);
        // Again from the kept parts.
        expect(writer.page(p).equals(first)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a card anew when its title, cover or author changes, and fresh counts always', () => {
    const writer = createCardWriter();
    const base: NoteCard = {
      id: '01900000-0000-7000-8000-000000000001',
      author: { handle: 'kim', displayName: 'Kim', avatarUrl: null },
      title: 'first',
      cover: { url: '/media/x/thumb.webp', width: 4, height: 3 },
      likeCount: 1,
      liked: false,
    };
    const items = (c: NoteCard) =>
      (parse(writer.page({ items: [c], nextCursor: null })) as { items: unknown[] }).items[0];
    expect(items(base)).toEqual(base);
    const changes: Partial<NoteCard>[] = [
      { title: 'second' },
      { cover: { url: '/media/y/thumb.webp', width: 1, height: 1 } },
      { author: { ...base.author, displayName: 'Kim Renamed' } },
      { likeCount: 2, liked: true },
      { liked: null },
    ];
    for (const change of changes) {
      const changed = { ...base, ...change };
      expect(items(changed)).toEqual(changed);
    }
  });

  it('writes only the documented fields, whatever else the objects carry', () => {
    const writer = createCardWriter();
    const author = { id: 'secret-id', handle: 'kim', displayName: 'Kim', avatarUrl: null };
    const card: NoteCard = { id: 'n', author, title: 't', cover: null, likeCount: 0, liked: null };
    const written = parse(writer.page({ items: [card], nextCursor: null }));
    expect(written).toEqual({
      items: [
        {
          id: 'n',
          author: { handle: 'kim', displayName: 'Kim', avatarUrl: null },
          title: 't',
          cover: null,
          likeCount: 0,
          liked: null,
        },
      ],
      nextCursor: null,
    });
    expect(Value.Check(CardPage, written)).toBe(true);
  });

  it('gives a reader the same bytes for the same page, and new bytes once a card or the cursor changed', () => {
    const writer = createCardWriter();
    const card = (likeCount: number): NoteCard =>
      Object.freeze({
        id: 'n',
        author: { handle: 'kim', displayName: 'Kim', avatarUrl: null },
        title: 't',
        cover: null,
        likeCount,
        liked: false,
      });
    const one = card(1);
    const first = writer.page({ items: [one], nextCursor: 'c1' }, 'reader');
    expect(writer.page({ items: [one], nextCursor: 'c1' }, 'reader')).toBe(first);
    expect(writer.page({ items: [one], nextCursor: 'c1' }, 'other')).not.toBe(first);
    const moved = writer.page({ items: [one], nextCursor: 'c2' }, 'reader');
    expect(parse(moved)).toMatchObject({ nextCursor: 'c2' });
    const liked = writer.page({ items: [card(2)], nextCursor: 'c2' }, 'reader');
    expect(parse(liked)).toMatchObject({ items: [{ likeCount: 2 }] });
  });

  it('keeps at most its bound of cards', () => {
    const writer = createCardWriter(3);
    const cards = Array.from(
      { length: 5 },
      (_, i): NoteCard => ({
        id: `id-${i}`,
        author: { handle: 'h', displayName: 'd', avatarUrl: null },
        title: `t${i}`,
        cover: null,
        likeCount: 0,
        liked: null,
      }),
    );
    writer.page({ items: cards, nextCursor: null });
    expect(writer.size).toBe(3);
  });
});
