import type { Clock } from '@plaza/kernel';
import type {
  AuthorView,
  BlocksApi,
  CardAuthor,
  LikedStateProvider,
  NoteCard,
  NotesApi,
  ProfilesApi,
} from '../contracts.ts';
import type { NoteContent, NoteContents } from './contents.ts';
import type { StateCache } from './states.ts';
import type { NoteState } from './store.ts';

export interface CardDeps {
  states: StateCache;
  contents: NoteContents;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  clock: Clock;
  /** Read at call time: the social module registers its provider after notes is built. */
  likedState(): LikedStateProvider | undefined;
}

const NO_ONE: ReadonlySet<string> = new Set();
const NOTHING_LIKED: ReadonlyMap<string, boolean> = new Map();
// Cards made from the same cached state, content and author are the same three objects (no
// viewer, not liked, liked), so a warm page allocates no cards and the card writer can keep
// each card's bytes. 20,000 notes × 3 small objects is a few megabytes.
const MADE_MAX = 20_000;
// One last answer per reader (signed-out readers share one): references to shared objects,
// about a kilobyte each.
const LAST_MAX = 20_000;

interface Made {
  state: NoteState;
  content: NoteContent;
  author: AuthorView;
  /** Signed out, not liked, liked. */
  cards: readonly [NoteCard, NoteCard, NoteCard];
}

/** A reader's last answer and what it was made from, each compared by identity on the next ask. */
interface LastAnswer {
  ids: readonly string[];
  hidden: ReadonlySet<string>;
  /** The state of each of `ids` as served (undefined: no such note). */
  states: readonly (NoteState | undefined)[];
  /** The cards' authors, once each, and the author cards they were made with. */
  authorIds: string[];
  authors: AuthorView[];
  cardIds: string[];
  liked: ReadonlyMap<string, boolean>;
  cards: readonly NoteCard[];
}

// One card author per cached author card, so every card of an author shares it (and the card
// writer can tell by identity that the author did not change).
const cardAuthors = new WeakMap<AuthorView, CardAuthor>();

function cardAuthorOf(author: AuthorView): CardAuthor {
  let shown = cardAuthors.get(author);
  if (!shown) {
    // The card shows no account id: its author is what its link and picture need.
    shown = Object.freeze({
      handle: author.handle,
      displayName: author.displayName,
      avatarUrl: author.avatarUrl,
    });
    cardAuthors.set(author, shown);
  }
  return shown;
}

function makeCards(state: NoteState, content: NoteContent, author: AuthorView): Made['cards'] {
  const shown = cardAuthorOf(author);
  const card = (liked: boolean | null): NoteCard =>
    Object.freeze({
      id: state.id,
      author: shown,
      title: content.title,
      cover: content.cover,
      likeCount: state.like_count,
      liked,
    });
  return [card(null), card(false), card(true)];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Keeps up to `max` entries; the one written longest ago goes first. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

/**
 * Cards for grids (feeds) from this process's caches: states (counters, publication), contents
 * and author cards, then the viewer's likes. Drafts, missing notes and hidden authors' notes
 * are dropped; with warm caches a page costs no query. A reader asking again for the notes of
 * its last answer gets the same cards after one look at each note's state, each author card
 * and its likes, with the caches' usual refresh ahead and time to live.
 */
export function createNoteCards({ states, contents, blocks, profiles, clock, likedState }: CardDeps) {
  const made = new Map<string, Made>();
  const lastAnswers = new Map<string, LastAnswer>();

  function cardsOf(state: NoteState, content: NoteContent, author: AuthorView): Made['cards'] {
    const hit = made.get(state.id);
    if (hit && hit.state === state && hit.content === content && hit.author === author) return hit.cards;
    const cards = makeCards(state, content, author);
    remember(made, state.id, { state, content, author, cards }, MADE_MAX);
    return cards;
  }

  function likedAmong(ids: string[], viewerId: string | null) {
    const provider = likedState();
    return viewerId && provider && ids.length > 0 ? provider(ids, viewerId) : NOTHING_LIKED;
  }

  /**
   * The last answer's cards when nothing they show can have changed: the same notes and hidden
   * accounts, every state the same object (same counters, status and edit time, so the contents
   * made for it are still current), the same author cards and the same likes.
   */
  async function unchanged(
    last: LastAnswer,
    ids: readonly string[],
    viewerId: string | null,
    hidden: ReadonlySet<string>,
  ): Promise<boolean> {
    if (last.hidden !== hidden || !sameIds(last.ids, ids)) return false;
    const nowMs = clock.nowMs();
    for (let i = 0; i < ids.length; i += 1)
      if (states.peek(ids[i] as string, nowMs) !== last.states[i]) return false;
    if (last.cards.length === 0) return true;
    const [people, liked] = await Promise.all([
      profiles.authorsByIds(last.authorIds),
      likedAmong(last.cardIds, viewerId),
    ]);
    for (let i = 0; i < last.authorIds.length; i += 1)
      if (people.get(last.authorIds[i] as string) !== last.authors[i]) return false;
    if (liked === last.liked) return true;
    for (const card of last.cards)
      if (viewerId !== null && (liked.get(card.id) === true) !== card.liked) return false;
    last.liked = liked;
    return true;
  }

  /** Reads every cache (waiting for what is missing) and makes the cards. */
  async function answer(
    asked: string[],
    viewerId: string | null,
    hidden: ReadonlySet<string>,
  ): Promise<Omit<LastAnswer, 'ids' | 'hidden'>> {
    const stateById = await states.read(asked);
    const shown: NoteState[] = [];
    const cardIds: string[] = [];
    const authorIds = new Set<string>();
    for (const id of asked) {
      const state = stateById.get(id);
      if (state?.status !== 'published' || hidden.has(state.author_id)) continue;
      shown.push(state);
      cardIds.push(id);
      authorIds.add(state.author_id);
    }
    const authorList = [...authorIds];
    const [byId, people, liked] =
      shown.length === 0
        ? [new Map<string, NoteContent>(), new Map<string, AuthorView>(), NOTHING_LIKED]
        : await Promise.all([
            contents.forStates(shown),
            profiles.authorsByIds(authorList),
            likedAmong(cardIds, viewerId),
          ]);
    const cards: NoteCard[] = [];
    for (const state of shown) {
      const content = byId.get(state.id);
      const author = people.get(state.author_id);
      if (!content || !author) continue;
      const [signedOut, notLiked, likedCard] = cardsOf(state, content, author);
      cards.push(viewerId === null ? signedOut : liked.get(state.id) === true ? likedCard : notLiked);
    }
    return {
      states: asked.map((id) => stateById.get(id)),
      authorIds: authorList,
      authors: authorList.map((id) => people.get(id) as AuthorView),
      cardIds: cards.map((c) => c.id),
      liked,
      cards,
    };
  }

  const cards: NotesApi['cards'] = async (ids, viewerId, options = {}) => {
    if (ids.length === 0) return [];
    const hidden = options.hidden ?? (viewerId ? await blocks.hiddenFrom(viewerId) : NO_ONE);
    const reader = viewerId ?? '';
    const last = lastAnswers.get(reader);
    if (last && (await unchanged(last, ids, viewerId, hidden))) return last.cards.slice();
    const unique = new Set(ids);
    const asked = unique.size === ids.length ? ids : [...unique];
    const fresh = await answer(asked, viewerId, hidden);
    // Kept for the next ask of the same notes; a caller's array may change later, so a copy.
    if (asked === ids) remember(lastAnswers, reader, { ids: [...ids], hidden, ...fresh }, LAST_MAX);
    return fresh.cards.slice();
  };
  return cards;
}
