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
  /** Read at call time: the social module registers its provider after notes is built. */
  likedState(): LikedStateProvider | undefined;
}

const NO_ONE: ReadonlySet<string> = new Set();
const NOTHING_LIKED: ReadonlyMap<string, boolean> = new Map();
// Cards made from the same cached state, content and author are the same three objects (no
// viewer, not liked, liked), so a warm page allocates no cards and the card writer can keep
// each card's bytes. 20,000 notes × 3 small objects is a few megabytes.
const MADE_MAX = 20_000;

interface Made {
  state: NoteState;
  content: NoteContent;
  author: AuthorView;
  /** Signed out, not liked, liked. */
  cards: readonly [NoteCard, NoteCard, NoteCard];
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

/**
 * Cards for grids (feeds) from this process's caches: states (counters, publication), contents
 * and author cards, then the viewer's likes. Drafts, missing notes and hidden authors' notes
 * are dropped; with warm caches a page costs no query.
 */
export function createNoteCards({ states, contents, blocks, profiles, likedState }: CardDeps) {
  const made = new Map<string, Made>();

  function cardsOf(state: NoteState, content: NoteContent, author: AuthorView): Made['cards'] {
    const hit = made.get(state.id);
    if (hit && hit.state === state && hit.content === content && hit.author === author) return hit.cards;
    const cards = makeCards(state, content, author);
    made.delete(state.id);
    if (made.size >= MADE_MAX) made.delete(made.keys().next().value as string);
    made.set(state.id, { state, content, author, cards });
    return cards;
  }

  const cards: NotesApi['cards'] = async (ids, viewerId, options = {}) => {
    const unique = new Set(ids);
    if (unique.size === 0) return [];
    const asked = unique.size === ids.length ? ids : [...unique];
    const [hidden, stateById] = options.hidden
      ? [options.hidden, await states.read(asked)]
      : await Promise.all([viewerId ? blocks.hiddenFrom(viewerId) : NO_ONE, states.read(asked)]);
    const shown: NoteState[] = [];
    const shownIds: string[] = [];
    const authorIds = new Set<string>();
    for (const id of asked) {
      const state = stateById.get(id);
      if (!state || hidden.has(state.author_id)) continue;
      if (state.status !== 'published') continue;
      shown.push(state);
      shownIds.push(id);
      authorIds.add(state.author_id);
    }
    if (shown.length === 0) return [];
    const provider = likedState();
    const [byId, people, liked] = await Promise.all([
      contents.forStates(shown),
      profiles.authorsByIds([...authorIds]),
      viewerId && provider ? provider(shownIds, viewerId) : NOTHING_LIKED,
    ]);
    const page: NoteCard[] = [];
    for (const state of shown) {
      const content = byId.get(state.id);
      const author = people.get(state.author_id);
      if (!content || !author) continue;
      const [signedOut, notLiked, likedCard] = cardsOf(state, content, author);
      page.push(viewerId === null ? signedOut : liked.get(state.id) === true ? likedCard : notLiked);
    }
    return page;
  };
  return cards;
}
