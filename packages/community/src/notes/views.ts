import type {
  AuthorView,
  BlocksApi,
  HydrateOptions,
  NoteMeta,
  NoteView,
  ProfilesApi,
  RankedCandidate,
  ViewerStateProvider,
} from '../contracts.ts';
import type { NoteContent, NoteContents } from './contents.ts';
import type { NoteRow, NoteState } from './store.ts';

export interface ViewDeps {
  contents: NoteContents;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  /** Read at call time: the social module registers its provider after notes is built. */
  viewerState(): ViewerStateProvider | undefined;
}

const parseList = (json: string) => JSON.parse(json) as string[];

export function toMeta(row: NoteRow): NoteMeta {
  return {
    id: row.id,
    authorId: row.author_id,
    status: row.status,
    topics: parseList(row.topics),
    createdAt: row.created_at,
  };
}

export function toCandidate(row: NoteRow): RankedCandidate {
  return {
    ...toMeta(row),
    likeCount: row.like_count,
    collectCount: row.collect_count,
    commentCount: row.comment_count,
  };
}

const NO_ONE: ReadonlySet<string> = new Set();

type ViewerStates = Map<string, { liked: boolean; collected: boolean }>;

function present(
  state: NoteState,
  content: NoteContent,
  author: AuthorView,
  people: Map<string, AuthorView>,
  viewer: { states: ViewerStates | undefined } | null,
): NoteView {
  return {
    id: state.id,
    author,
    title: content.title,
    body: content.body,
    language: content.language,
    topics: content.topics,
    mentions: content.mentionIds.flatMap((id) => people.get(id)?.handle ?? []),
    images: content.images,
    status: state.status,
    likeCount: state.like_count,
    collectCount: state.collect_count,
    commentCount: state.comment_count,
    createdAt: state.created_at,
    updatedAt: state.updated_at,
    viewer: viewer ? (viewer.states?.get(state.id) ?? { liked: false, collected: false }) : null,
  };
}

/**
 * Note views as a pipeline: fresh state by id (one query) with the viewer's likes and blocks
 * alongside → rules (drafts, blocks) → contents and author cards, from their caches where
 * they can → presentation. With warm caches a page costs two queries (state, viewer state)
 * whatever its size; each cache miss kind adds a round, never one per note.
 */
export function createNoteViews({ contents, blocks, profiles, viewerState }: ViewDeps) {
  return {
    /** Views in the order asked; missing notes, others' drafts and hidden authors are dropped. */
    async hydrate(ids: string[], viewerId: string | null, options: HydrateOptions = {}): Promise<NoteView[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const { db } = options;
      const provider = viewerState();
      const [hidden, viewerStates, read] = await Promise.all([
        options.hidden ?? (viewerId ? blocks.hiddenFrom(viewerId, db) : NO_ONE),
        viewerId && provider ? provider(unique, viewerId) : undefined,
        contents.read(unique, db),
      ]);
      const shown = read.states.filter(
        (s) => (s.status === 'published' || s.author_id === viewerId) && !hidden.has(s.author_id),
      );
      const byId = await read.complete(shown);
      const personIds = new Set(shown.flatMap((s) => [s.author_id, ...(byId.get(s.id)?.mentionIds ?? [])]));
      const people = await profiles.authorsByIds([...personIds], db);
      const viewer = viewerId ? { states: viewerStates } : null;
      const stateById = new Map(shown.map((s) => [s.id, s]));
      return unique.flatMap((id) => {
        const state = stateById.get(id);
        const content = state && byId.get(id);
        const author = state && people.get(state.author_id);
        return state && content && author ? [present(state, content, author, people, viewer)] : [];
      });
    },
  };
}
