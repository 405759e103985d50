import type { NoteCard, Page } from '../contracts.ts';

// Serializing a page of cards costs more than reading it from the caches, and so does
// encoding it: titles and names in Chinese make the whole text a two-byte string that the
// socket write must transcode to UTF-8. So a page is copied together from bytes kept per
// card: each card object's full UTF-8 JSON (cards are immutable and reused while nothing they
// show changes), and per note the part that changes only with an edit or a profile change,
// reused when a like moves the count.
const KEPT_MAX = 20_000;

interface Kept {
  author: NoteCard['author'];
  title: string;
  cover: NoteCard['cover'];
  /** The card's JSON in UTF-8 up to (without) its closing brace, without the volatile fields. */
  json: Buffer;
}

const OPEN = Buffer.from('{"items":[');
const COMMA = 0x2c;
const LIKED = { none: 'null', yes: 'true', no: 'false' };

/**
 * Writes pages of cards as JSON bytes from the kept parts. The JSON is what `JSON.stringify`
 * gives for the same page (keys in another order), which the tests check. Bounded: past
 * `keptMax` notes the one kept longest is dropped; a card's bytes live as long as the card.
 * @example reply.type('application/json').send(writer.page(await feed.following(viewerId, page)))
 */
export function createCardWriter(keptMax = KEPT_MAX) {
  const kept = new Map<string, Kept>();

  function stablePart(card: NoteCard): Buffer {
    const hit = kept.get(card.id);
    // Author cards and covers are shared cached objects: the same object means the same content.
    if (hit && hit.author === card.author && hit.cover === card.cover && hit.title === card.title)
      return hit.json;
    const { id, author, title, cover } = card;
    // Only the fields of the documented card, whatever else the objects carry.
    const shownAuthor = {
      handle: author.handle,
      displayName: author.displayName,
      avatarUrl: author.avatarUrl,
    };
    const shownCover = cover && { url: cover.url, width: cover.width, height: cover.height };
    const json = Buffer.from(
      JSON.stringify({ id, author: shownAuthor, title, cover: shownCover }).slice(0, -1),
    );
    kept.delete(card.id);
    if (kept.size >= keptMax) kept.delete(kept.keys().next().value as string);
    kept.set(card.id, { author, title, cover, json });
    return json;
  }

  /** The fields read fresh on every page, closing the card: plain ASCII. */
  function volatilePart(c: NoteCard): string {
    const liked = c.liked === null ? LIKED.none : c.liked ? LIKED.yes : LIKED.no;
    // Integers from the database; JSON.stringify keeps any other number valid JSON too.
    return `,"likeCount":${JSON.stringify(c.likeCount)},"liked":${liked}}`;
  }

  // Cards are immutable values (notes makes them frozen and reuses them while nothing they
  // show changed), so a card's bytes are kept as long as the card object lives.
  const bytesOf = new WeakMap<NoteCard, Buffer>();

  function cardBytes(c: NoteCard): Buffer {
    let bytes = bytesOf.get(c);
    if (!bytes) {
      bytes = Buffer.concat([stablePart(c), Buffer.from(volatilePart(c), 'latin1')]);
      bytesOf.set(c, bytes);
    }
    return bytes;
  }

  /** Copies a page together from its cards' bytes. */
  function write(page: Page<NoteCard>): Buffer {
    const cards = page.items.map(cardBytes);
    const close = Buffer.from(`],"nextCursor":${JSON.stringify(page.nextCursor)}}`);
    let size = OPEN.length + close.length + Math.max(0, cards.length - 1);
    for (const bytes of cards) size += bytes.length;
    const out = Buffer.allocUnsafe(size);
    out.set(OPEN, 0);
    let at = OPEN.length;
    cards.forEach((bytes, i) => {
      if (i > 0) out[at++] = COMMA;
      out.set(bytes, at);
      at += bytes.length;
    });
    out.set(close, at);
    return out;
  }

  // The last page written per reader: a reader asking again while none of its cards changed
  // (the same card objects, the same cursor) gets the same bytes without copying them again.
  const lastPages = new Map<
    string,
    { items: readonly NoteCard[]; nextCursor: string | null; bytes: Buffer }
  >();

  const samePage = (a: { items: readonly NoteCard[]; nextCursor: string | null }, b: Page<NoteCard>) =>
    a.nextCursor === b.nextCursor &&
    a.items.length === b.items.length &&
    a.items.every((c, i) => c === b.items[i]);

  return {
    /**
     * A page as the UTF-8 bytes of `{"items":[…],"nextCursor":…}`. `reader` (an account id)
     * keeps the page's bytes for that reader's next identical page.
     */
    page(page: Page<NoteCard>, reader?: string): Buffer {
      if (reader === undefined) return write(page);
      const last = lastPages.get(reader);
      if (last && samePage(last, page)) return last.bytes;
      const bytes = write(page);
      lastPages.delete(reader);
      if (lastPages.size >= keptMax) lastPages.delete(lastPages.keys().next().value as string);
      lastPages.set(reader, { items: page.items, nextCursor: page.nextCursor, bytes });
      return bytes;
    },
    get size() {
      return kept.size;
    },
  };
}

export type CardWriter = ReturnType<typeof createCardWriter>;
