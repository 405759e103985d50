import { Page } from '@plaza/kernel';
import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthorView, NoteCard } from '../contracts.ts';
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

const author = fc.record<AuthorView>({
  id: fc.uuid(),
  handle: text,
  displayName: text,
  avatarUrl: fc.option(text, { nil: null }),
});

const card = fc.record<NoteCard>({
  id: fc.uuid(),
  author,
  title: text,
  cover: fc.option(fc.record({ url: text, width: fc.nat(10_000), height: fc.nat(10_000) }), { nil: null }),
  status: fc.constantFrom('published', 'draft'),
  likeCount: fc.nat(),
  createdAt: fc.nat(),
  viewer: fc.option(fc.record({ liked: fc.boolean() }), { nil: null }),
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

  it('writes a card anew when its title, cover, author or status changes, and fresh counts always', () => {
    const writer = createCardWriter();
    const base: NoteCard = {
      id: '01900000-0000-7000-8000-000000000001',
      author: { id: 'a', handle: 'kim', displayName: 'Kim', avatarUrl: null },
      title: 'first',
      cover: { url: '/media/x/thumb.webp', width: 4, height: 3 },
      status: 'published',
      likeCount: 1,
      createdAt: 5,
      viewer: { liked: false },
    };
    const items = (c: NoteCard) =>
      (parse(writer.page({ items: [c], nextCursor: null })) as { items: unknown[] }).items[0];
    expect(items(base)).toEqual(base);
    const changes: Partial<NoteCard>[] = [
      { title: 'second' },
      { cover: { url: '/media/y/thumb.webp', width: 1, height: 1 } },
      { author: { ...base.author, displayName: 'Kim Renamed' } },
      { status: 'draft' },
      { likeCount: 2, viewer: { liked: true } },
      { viewer: null },
    ];
    for (const change of changes) {
      const changed = { ...base, ...change };
      expect(items(changed)).toEqual(changed);
    }
  });

  it('keeps at most its bound of cards', () => {
    const writer = createCardWriter(3);
    const cards = Array.from({ length: 5 }, (_, i) => ({
      id: `id-${i}`,
      author: { id: 'a', handle: 'h', displayName: 'd', avatarUrl: null },
      title: `t${i}`,
      cover: null,
      status: 'published' as const,
      likeCount: 0,
      createdAt: 0,
      viewer: null,
    }));
    writer.page({ items: cards, nextCursor: null });
    expect(writer.size).toBe(3);
  });
});
