import type {
  AuthorView,
  BlocksApi,
  Executor,
  ImageView,
  MediaApi,
  NoteMeta,
  NoteView,
  ProfilesApi,
  RankedCandidate,
  TextLanguage,
  ViewerStateProvider,
} from '../contracts.ts';
import type { NoteRow, NotesStore } from './store.ts';

export interface ViewDeps {
  store: NotesStore;
  media: MediaApi;
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

interface Loaded {
  images: Map<string, ImageView[]>;
  people: Map<string, AuthorView>;
  state: Map<string, { liked: boolean; collected: boolean }> | undefined;
}

function present(row: NoteRow, author: AuthorView, loaded: Loaded, viewerId: string | null): NoteView {
  const mentions = parseList(row.mention_ids).flatMap((id) => loaded.people.get(id)?.handle ?? []);
  return {
    id: row.id,
    author,
    title: row.title,
    body: row.body,
    language: row.language as TextLanguage,
    topics: parseList(row.topics),
    mentions,
    images: loaded.images.get(row.id) ?? [],
    status: row.status,
    likeCount: row.like_count,
    collectCount: row.collect_count,
    commentCount: row.comment_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    viewer: viewerId ? (loaded.state?.get(row.id) ?? { liked: false, collected: false }) : null,
  };
}

/**
 * Note views as a pipeline: rows by id → rules (drafts, blocks) → batch loads of images,
 * people and viewer state → presentation. A fixed number of queries whatever the page size.
 */
export function createNoteViews({ store, media, blocks, profiles, viewerState }: ViewDeps) {
  async function load(rows: NoteRow[], viewerId: string | null, db?: Executor): Promise<Loaded> {
    const links = await store.mediaLinks(
      rows.map((r) => r.id),
      db,
    );
    const imageById = await media.imagesByIds(
      links.map((l) => l.media_id),
      db,
    );
    const images = new Map<string, ImageView[]>();
    for (const link of links) {
      const image = imageById.get(link.media_id);
      if (image) images.set(link.note_id, [...(images.get(link.note_id) ?? []), image]);
    }
    const personIds = new Set(rows.flatMap((r) => [r.author_id, ...parseList(r.mention_ids)]));
    const people = await profiles.authorsByIds([...personIds], db);
    const provider = viewerState();
    const state =
      viewerId && provider && rows.length > 0
        ? await provider(
            rows.map((r) => r.id),
            viewerId,
          )
        : undefined;
    return { images, people, state };
  }

  return {
    /** Views in the order asked; missing notes, others' drafts and blocked authors are dropped. */
    async hydrate(ids: string[], viewerId: string | null, db?: Executor): Promise<NoteView[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const hidden = viewerId ? await blocks.hiddenFrom(viewerId, db) : new Set<string>();
      const rows = (await store.byIds(unique, db)).filter(
        (r) => (r.status === 'published' || r.author_id === viewerId) && !hidden.has(r.author_id),
      );
      const loaded = await load(rows, viewerId, db);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return unique.flatMap((id) => {
        const row = byId.get(id);
        const author = row && loaded.people.get(row.author_id);
        return row && author ? [present(row, author, loaded, viewerId)] : [];
      });
    },
  };
}
