import type { Clock } from '@plaza/kernel';
import { type CacheOptions, createFillCache } from '../cache.ts';
import type { CoverView, Executor, ImageView, MediaApi, TextLanguage } from '../contracts.ts';
import type { NoteRow, NoteState, NotesStore, NotesTables } from './store.ts';

/**
 * What a note view shows that changes only when its author edits it, cached by note id.
 * Counters and publication state are not here: they are read fresh with every view.
 */
export interface NoteContent {
  authorId: string;
  /** The row's `updated_at` when read; a newer row is an edit this process was not told of. */
  updatedAt: number;
  title: string;
  body: string;
  language: TextLanguage;
  topics: string[];
  mentionIds: string[];
  images: ImageView[];
  /** The first image as a card shows it; one object per content, so a card's serialized form can be kept. */
  cover: CoverView | null;
}

// A page of 20 notes with their images is a few kilobytes per note at most, so 20,000 notes
// stay well under 100 MB. Contents are only ever shown next to a state read for the same note
// (fresh for full views, cached briefly for cards): an edit anywhere moves `updated_at`, and a
// deleted or erased note has no state, so its contents are never shown. The time to live
// only returns the memory of notes nobody reads; it is long, so readers rarely wait for a
// re-read of what did not change.
export const DEFAULT_CONTENT_CACHE: CacheOptions = { entriesMax: 20_000, ttlMs: 600_000 };

export interface ContentsDeps {
  store: Pick<NotesStore, 'statesByIds' | 'byIds' | 'mediaLinks'>;
  media: Pick<MediaApi, 'imagesByIds'>;
  clock: Clock;
  options?: CacheOptions;
}

/** The first round of a read: every asked note's fresh state, and the contents still to load. */
export interface ContentRead {
  states: NoteState[];
  /** Contents for the notes kept after the caller's rules; loads what the cache lacked. */
  complete(shown: NoteState[]): Promise<Map<string, NoteContent>>;
}

type Link = NotesTables['note_media'];

const isRow = (state: NoteState): state is NoteRow => 'title' in state;
const parseList = (json: string) => JSON.parse(json) as string[];

// Shared by every view of the note: a caller mutating one would corrupt the others, so it fails loudly instead.
function frozen<T>(items: T[]): T[] {
  Object.freeze(items);
  return items;
}

// Smallest variant first: a card shows its cover at grid size.
const COVER_VARIANTS = ['thumb', 'large', 'original'];

function coverOf(image: ImageView | undefined): CoverView | null {
  if (!image) return null;
  const variant = COVER_VARIANTS.find((v) => image.urls[v]);
  const url = variant ? image.urls[variant] : Object.values(image.urls)[0];
  return url ? Object.freeze({ url, width: image.width, height: image.height }) : null;
}

function contentOf(row: NoteRow, images: ImageView[]): NoteContent {
  return Object.freeze({
    authorId: row.author_id,
    updatedAt: row.updated_at,
    title: row.title,
    body: row.body,
    language: row.language as TextLanguage,
    topics: frozen(parseList(row.topics)),
    mentionIds: frozen(parseList(row.mention_ids)),
    images: frozen(images.map((image) => Object.freeze(image))),
    cover: coverOf(images[0]),
  });
}

export function createNoteContents({ store, media, clock, options = DEFAULT_CONTENT_CACHE }: ContentsDeps) {
  const cache = createFillCache<NoteContent>(options, clock);

  /** Builds contents from full rows and their image links: one query for all the images. */
  async function build(rows: NoteRow[], links: Link[], db: Executor | undefined, epoch: number) {
    const wanted = new Set(rows.map((r) => r.id));
    const mine = links.filter((l) => wanted.has(l.note_id));
    const images =
      mine.length > 0 ? await media.imagesByIds([...new Set(mine.map((l) => l.media_id))], db) : new Map();
    const byNote = new Map<string, ImageView[]>();
    for (const link of mine) {
      const image = images.get(link.media_id);
      if (image) byNote.set(link.note_id, [...(byNote.get(link.note_id) ?? []), image]);
    }
    const built = new Map<string, NoteContent>();
    for (const row of rows) {
      const content = contentOf(row, byNote.get(row.id) ?? []);
      built.set(row.id, content);
      // Inside a caller's transaction the rows may not be committed: never share them.
      if (!db) cache.set(row.id, content, epoch);
    }
    return built;
  }

  /**
   * Contents for `shown`: cached ones whose `updated_at` still matches, the rest loaded in one
   * round (rows and links for what was read as a state only or is outdated, then images).
   * `links` are those already read alongside full rows.
   */
  async function completeContents(
    shown: NoteState[],
    known: Map<string, NoteContent>,
    links: Link[],
    db: Executor | undefined,
    epoch: number,
  ): Promise<Map<string, NoteContent>> {
    const contents = new Map<string, NoteContent>();
    const stale: NoteState[] = [];
    for (const state of shown) {
      const hit = known.get(state.id);
      // At least as new: a card's cached state may lag behind a content another read refilled.
      if (hit && hit.updatedAt >= state.updated_at) contents.set(state.id, hit);
      else stale.push(state);
    }
    if (stale.length === 0) return contents;
    // A cached note edited elsewhere needs its links again, and its row if only the state was read.
    const reread = stale.filter((s) => !isRow(s) || known.has(s.id)).map((s) => s.id);
    const [rows, more] = await Promise.all([
      store.byIds(
        stale.filter((s) => !isRow(s)).map((s) => s.id),
        db,
      ),
      store.mediaLinks(reread, db),
    ]);
    const full = [...stale.filter(isRow), ...rows];
    for (const [id, content] of await build(full, [...links, ...more], db, epoch)) contents.set(id, content);
    return contents;
  }

  return {
    /**
     * Reads the fresh state of `ids` in one query. When some contents are not cached it reads
     * whole rows instead (the same round) and their image links alongside, so a miss costs
     * one more round (images), not three. `db` bypasses the cache.
     */
    async read(ids: string[], db?: Executor): Promise<ContentRead> {
      const epoch = cache.epoch();
      const known = new Map<string, NoteContent>();
      if (!db) {
        for (const id of ids) {
          const hit = cache.get(id);
          if (hit) known.set(id, hit);
        }
      }
      const missing = ids.filter((id) => !known.has(id));
      const [states, links] = await Promise.all([
        missing.length === 0 ? store.statesByIds(ids, db) : store.byIds(ids, db),
        missing.length === 0 ? [] : store.mediaLinks(missing, db),
      ]);
      const complete = (shown: NoteState[]) => completeContents(shown, known, links, db, epoch);
      return { states, complete };
    },
    /**
     * Contents for states the caller already holds (the card path's cached states): no query
     * when every content is cached and current.
     */
    async forStates(states: NoteState[]): Promise<Map<string, NoteContent>> {
      const epoch = cache.epoch();
      const contents = new Map<string, NoteContent>();
      const stale: NoteState[] = [];
      for (const state of states) {
        const hit = cache.get(state.id);
        if (hit && hit.updatedAt >= state.updated_at) contents.set(state.id, hit);
        else stale.push(state);
      }
      if (stale.length === 0) return contents;
      const known = new Map<string, NoteContent>();
      for (const state of stale) {
        const hit = cache.get(state.id);
        if (hit) known.set(state.id, hit);
      }
      for (const [id, content] of await completeContents(stale, known, [], undefined, epoch))
        contents.set(id, content);
      return contents;
    },
    /** After an edit or deletion this process made or heard of. */
    forget: (noteIds: string[]) => cache.delete(noteIds),
    /** An erased account's notes (they went without `note.deleted`). */
    forgetAuthor: (authorId: string) => cache.deleteWhere((c) => c.authorId === authorId),
    cachedCount: () => cache.size,
  };
}

export type NoteContents = ReturnType<typeof createNoteContents>;
