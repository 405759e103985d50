import type { NoteCard, Page } from '../contracts.ts';

// Serializing a page of cards costs more than reading it from the caches, and so does
// encoding it: titles and names in Chinese make the whole text a two-byte string that the
// socket write must transcode to UTF-8. What a card shows besides its like count and the
// viewer's like changes only with an edit or a profile change, so its UTF-8 JSON is kept per
// note and reused while those parts are the same objects; a page is copied together from
// those bytes and a few ASCII pieces.
const KEPT_MAX = 20_000;

interface Kept {
  author: NoteCard['author'];
  title: string;
  cover: NoteCard['cover'];
  status: NoteCard['status'];
  createdAt: number;
  /** The card's JSON in UTF-8 up to (without) its closing brace, without the volatile fields. */
  json: Buffer;
}

const OPEN = Buffer.from('{"items":[');
const LIKED = { none: 'null', yes: '{"liked":true}', no: '{"liked":false}' };

/**
 * Writes pages of cards as JSON bytes, reusing each card's serialized stable part. The JSON is
 * what `JSON.stringify` gives for the same page (keys in another order), which the tests check.
 * Bounded: past `KEPT_MAX` notes the one kept longest is dropped.
 * @example reply.type('application/json').send(writer.page(await feed.following(viewerId, page)))
 */
export function createCardWriter(keptMax = KEPT_MAX) {
  const kept = new Map<string, Kept>();

  function stablePart(card: NoteCard): Buffer {
    const hit = kept.get(card.id);
    // Author cards and covers are shared cached objects: the same object means the same content.
    if (
      hit &&
      hit.author === card.author &&
      hit.cover === card.cover &&
      hit.title === card.title &&
      hit.status === card.status &&
      hit.createdAt === card.createdAt
    )
      return hit.json;
    const { id, author, title, cover, status, createdAt } = card;
    const json = Buffer.from(JSON.stringify({ id, author, title, cover, status, createdAt }).slice(0, -1));
    kept.delete(card.id);
    if (kept.size >= keptMax) kept.delete(kept.keys().next().value as string);
    kept.set(card.id, { author, title, cover, status, createdAt, json });
    return json;
  }

  /** The fields read fresh on every page, closing the card: plain ASCII. */
  function volatilePart(c: NoteCard): string {
    const liked = c.viewer === null ? LIKED.none : c.viewer.liked ? LIKED.yes : LIKED.no;
    // Integers from the database; JSON.stringify keeps any other number valid JSON too.
    return `,"likeCount":${JSON.stringify(c.likeCount)},"viewer":${liked}}`;
  }

  return {
    /** A page as the UTF-8 bytes of `{"items":[…],"nextCursor":…}`. */
    page(page: Page<NoteCard>): Buffer {
      const parts: Buffer[] = [];
      const ascii: string[] = [];
      let size = 0;
      page.items.forEach((c, i) => {
        const stable = stablePart(c);
        const rest = i === page.items.length - 1 ? volatilePart(c) : `${volatilePart(c)},`;
        parts.push(stable);
        ascii.push(rest);
        size += stable.length + rest.length;
      });
      const close = Buffer.from(`],"nextCursor":${JSON.stringify(page.nextCursor)}}`);
      const out = Buffer.allocUnsafe(OPEN.length + size + close.length);
      let at = OPEN.copy(out, 0);
      for (let i = 0; i < parts.length; i += 1) {
        at += (parts[i] as Buffer).copy(out, at);
        at += out.write(ascii[i] as string, at, 'latin1');
      }
      close.copy(out, at);
      return out;
    },
    get size() {
      return kept.size;
    },
  };
}

export type CardWriter = ReturnType<typeof createCardWriter>;
