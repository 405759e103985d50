import type { BlocksApi, LikedStateProvider, NoteCard, NotesApi, ProfilesApi } from '../contracts.ts';
import type { NoteContents } from './contents.ts';
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
const NOTHING_LIKED: ReadonlySet<string> = new Set();
// Shared by every card: a page makes no viewer objects of its own.
const LIKED = Object.freeze({ liked: true });
const NOT_LIKED = Object.freeze({ liked: false });

/**
 * Cards for grids (feeds) from this process's caches: states (counters, publication), contents
 * and author cards, then the viewer's likes. The same rules as full views (others' drafts,
 * missing notes and hidden authors are dropped); with warm caches a page costs no query.
 */
export function createNoteCards({ states, contents, blocks, profiles, likedState }: CardDeps) {
  const cards: NotesApi['cards'] = async (ids, viewerId, options = {}) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const [hidden, stateById] = options.hidden
      ? [options.hidden, await states.read(unique)]
      : await Promise.all([viewerId ? blocks.hiddenFrom(viewerId) : NO_ONE, states.read(unique)]);
    const shown: NoteState[] = [];
    for (const id of unique) {
      const state = stateById.get(id);
      if (!state || hidden.has(state.author_id)) continue;
      if (state.status === 'published' || state.author_id === viewerId) shown.push(state);
    }
    if (shown.length === 0) return [];
    const provider = likedState();
    const [byId, people, liked] = await Promise.all([
      contents.forStates(shown),
      profiles.authorsByIds([...new Set(shown.map((s) => s.author_id))]),
      viewerId && provider
        ? provider(
            shown.map((s) => s.id),
            viewerId,
          )
        : NOTHING_LIKED,
    ]);
    const page: NoteCard[] = [];
    for (const state of shown) {
      const content = byId.get(state.id);
      const author = people.get(state.author_id);
      if (!content || !author) continue;
      page.push({
        id: state.id,
        author,
        title: content.title,
        cover: content.cover,
        status: state.status,
        likeCount: state.like_count,
        createdAt: state.created_at,
        viewer: viewerId ? (liked.has(state.id) ? LIKED : NOT_LIKED) : null,
      });
    }
    return page;
  };
  return cards;
}
