import {
  type AuthService,
  type Clock,
  type EventBus,
  ForbiddenError,
  type IdGenerator,
  type Invalidations,
  type Language,
  NotFoundError,
  ValidationError,
} from '@plaza/kernel';
import type { Kysely } from 'kysely';
import type { CacheOptions } from '../cache.ts';
import type {
  BlocksApi,
  CommunityEvents,
  Executor,
  LikedStateProvider,
  MediaApi,
  NoteView,
  ProfilesApi,
  TextLanguage,
  ViewerStateProvider,
} from '../contracts.ts';
import { resolveMentions } from '../mentions.ts';
import type { RefreshingOptions } from '../refreshing-cache.ts';
import { createNoteCards } from './cards.ts';
import { createNoteContents } from './contents.ts';
import { createNotesContributor } from './contributor.ts';
import { checkNoteInput, type NoteInput } from './input.ts';
import { detectLanguage } from './language.ts';
import { createNotesApi } from './queries.ts';
import { createStateCache } from './states.ts';
import type { NoteRow, NoteStatus, NotesStore, NotesTables } from './store.ts';
import { createNoteViews } from './views.ts';

export interface NotesDeps {
  db: Kysely<NotesTables>;
  store: NotesStore;
  media: MediaApi;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  auth: Pick<AuthService, 'findByHandle'>;
  ids: IdGenerator;
  clock: Clock;
  bus: EventBus;
  /** Bounds of the note contents cache (tests shrink it); defaults otherwise. */
  contentCache?: CacheOptions | undefined;
  /** Timing of the card path's state cache (tests shrink it); defaults otherwise. */
  stateCache?: RefreshingOptions | undefined;
  onRefreshError?: (err: unknown) => void;
  /** Cache invalidations shared with the other processes. */
  invalidations?: Invalidations;
}

export interface CreateNoteRequest {
  title: string;
  body?: string | undefined;
  mediaIds: string[];
  topics?: string[] | undefined;
  status?: NoteStatus | undefined;
}

export type PatchNoteRequest = Partial<CreateNoteRequest>;

/** Who writes: the account and the language it chose, which breaks Chinese script ties. */
export interface Writer {
  accountId: string;
  language: Language;
}

const LANGUAGE_HINTS: Record<Language, TextLanguage | undefined> = {
  'zh-TW': 'zh-Hant',
  'zh-CN': 'zh-Hans',
  en: undefined,
};

const parseList = (json: string) => JSON.parse(json) as string[];

/**
 * Records the write's event in its transaction `tx` (delivered once it commits):
 * `note.published` on first publication, `note.updated` after that, nothing for a draft.
 */
async function recordEvent(
  bus: EventBus,
  tx: Executor,
  before: NoteRow | undefined,
  after: NoteRow,
  mentionIds: string[],
) {
  if (after.status !== 'published') return;
  if (before?.status !== 'published') {
    const event: CommunityEvents['note.published'] = {
      noteId: after.id,
      authorId: after.author_id,
      createdAt: after.created_at,
      topics: parseList(after.topics),
      mentions: mentionIds,
    };
    await bus.record(tx, 'note.published', event);
    return;
  }
  const event: CommunityEvents['note.updated'] = { noteId: after.id, authorId: after.author_id };
  await bus.record(tx, 'note.updated', event);
}

export function createNotesService(deps: NotesDeps) {
  const { db, store, media, blocks, ids, clock, bus } = deps;
  let viewerStateProvider: ViewerStateProvider | undefined;
  let likedStateProvider: LikedStateProvider | undefined;
  const contents = createNoteContents({
    store,
    media,
    clock,
    ...(deps.contentCache ? { options: deps.contentCache } : {}),
  });
  const states = createStateCache({
    store,
    clock,
    ...(deps.stateCache ? { options: deps.stateCache } : {}),
    ...(deps.onRefreshError ? { onRefreshError: deps.onRefreshError } : {}),
    ...(deps.invalidations ? { invalidations: deps.invalidations } : {}),
  });
  const views = createNoteViews({ ...deps, contents, viewerState: () => viewerStateProvider });
  const cards = createNoteCards({ ...deps, states, contents, likedState: () => likedStateProvider });
  /** An edit, publication or deletion this process made or heard of. */
  const forget = (noteIds: string[]) => {
    contents.forget(noteIds);
    states.forget(noteIds);
  };

  /** Checks, resolves and builds the row content shared by create and update. */
  async function prepare(writer: Writer, input: NoteInput) {
    const note = checkNoteInput(input);
    const mentionIds = await resolveMentions(deps, writer.accountId, note.handles);
    const content = {
      title: note.title,
      body: note.body,
      language: detectLanguage(`${note.title}\n${note.body}`, LANGUAGE_HINTS[writer.language]),
      status: note.status,
      topics: JSON.stringify(note.topics),
      explicit_topics: JSON.stringify(note.explicitTopics),
      mention_ids: JSON.stringify(mentionIds),
    };
    return { note, content, mentionIds };
  }

  /** The note if `viewerId` may see it at all; 404 for missing, others' drafts and blocks. */
  async function visibleRow(id: string, viewerId: string | null): Promise<NoteRow> {
    const row = await store.byId(id);
    const mine = row?.author_id === viewerId;
    if (!row || (!mine && row.status === 'draft')) throw new NotFoundError('That note');
    if (!mine && viewerId && (await blocks.eitherBlocks(viewerId, row.author_id)))
      throw new NotFoundError('That note');
    return row;
  }

  async function ownedRow(id: string, viewerId: string): Promise<NoteRow> {
    const row = await visibleRow(id, viewerId);
    if (row.author_id !== viewerId)
      throw new ForbiddenError('Only the author may change this note.', 'not_author');
    return row;
  }

  async function viewOf(id: string, viewerId: string): Promise<NoteView> {
    const [view] = await views.hydrate([id], viewerId);
    if (!view) throw new NotFoundError('That note');
    return view;
  }

  const api = createNotesApi({
    store,
    hydrate: views.hydrate,
    cards,
    setProvider: (p) => {
      viewerStateProvider = p;
    },
    setLikedProvider: (p) => {
      likedStateProvider = p;
    },
    onCounterChanged: (noteId) => states.forget([noteId]),
  });

  return {
    ...api,
    contributor: createNotesContributor(store),

    /**
     * `id` names the note when the request derives it from its Idempotency-Key: a retry whose
     * first run committed finds that note and answers it instead of writing a second.
     */
    async create(writer: Writer, request: CreateNoteRequest, id?: string): Promise<NoteView> {
      const input: NoteInput = {
        title: request.title,
        body: request.body ?? '',
        mediaIds: request.mediaIds,
        topics: request.topics ?? [],
        status: request.status ?? 'published',
      };
      const { note, content, mentionIds } = await prepare(writer, input);
      const now = clock.nowMs();
      const row: NoteRow = {
        ...content,
        id: id ?? ids.next(),
        author_id: writer.accountId,
        like_count: 0,
        collect_count: 0,
        comment_count: 0,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        if (!(await store.insert(row, tx))) return;
        await media.claimForOwner(writer.accountId, note.mediaIds, tx);
        await store.replaceMedia(row.id, note.mediaIds, tx);
        await store.replaceTopics(row.id, note.topicKeys, row.created_at, tx);
        await recordEvent(bus, tx, undefined, row, mentionIds);
      });
      // After the commit, so followers' timelines and search have it when the answer arrives.
      await bus.deliver();
      return viewOf(row.id, writer.accountId);
    },

    async update(writer: Writer, id: string, patch: PatchNoteRequest): Promise<NoteView> {
      const before = await ownedRow(id, writer.accountId);
      if (before.status === 'published' && patch.status === 'draft') {
        throw new ValidationError(
          'A published note cannot go back to draft; delete it instead.',
          [{ field: '/status', code: 'cannot_unpublish', message: 'cannot change from published to draft' }],
          'cannot_unpublish',
        );
      }
      const currentMedia = (await store.mediaLinks([id])).map((l) => l.media_id);
      const input: NoteInput = {
        title: patch.title ?? before.title,
        body: patch.body ?? before.body,
        mediaIds: patch.mediaIds ?? currentMedia,
        topics: patch.topics ?? parseList(before.explicit_topics),
        status: patch.status ?? before.status,
      };
      const { note, content, mentionIds } = await prepare(writer, input);
      const now = clock.nowMs();
      // A draft enters timelines when it is published, not when it was first saved.
      const createdAt = before.status === 'draft' && note.status === 'published' ? now : before.created_at;
      const after: NoteRow = { ...before, ...content, created_at: createdAt, updated_at: now };
      await db.transaction().execute(async (tx) => {
        if (patch.mediaIds) {
          await media.claimForOwner(writer.accountId, note.mediaIds, tx);
          await store.replaceMedia(id, note.mediaIds, tx);
        }
        await store.update(id, { ...content, created_at: createdAt, updated_at: now }, tx);
        await store.replaceTopics(id, note.topicKeys, createdAt, tx);
        await recordEvent(bus, tx, before, after, mentionIds);
      });
      // A draft's edit announces nothing on the bus, so this process forgets it here.
      forget([id]);
      await bus.deliver();
      return viewOf(id, writer.accountId);
    },

    async remove(viewerId: string, id: string): Promise<void> {
      const row = await ownedRow(id, viewerId);
      const event: CommunityEvents['note.deleted'] = { noteId: id, authorId: row.author_id };
      await db.transaction().execute(async (tx) => {
        await store.remove([id], tx);
        await bus.record(tx, 'note.deleted', event);
      });
      forget([id]);
      await bus.deliver();
    },

    /**
     * One note as `viewerId` (null: signed out) may see it, or a 404. Hydration applies the
     * same rules as `visibleRow` (missing, others' drafts, a block either way) in its own reads.
     */
    async get(id: string, viewerId: string | null): Promise<NoteView> {
      const [view] = await views.hydrate([id], viewerId);
      if (!view) throw new NotFoundError('That note');
      return view;
    },

    /** Drops cached contents and states: a change announced on the bus. */
    forgetNotes: forget,
    /** An erased author's notes, which went without `note.deleted`. */
    forgetAuthorNotes(authorId: string) {
      contents.forgetAuthor(authorId);
      states.forgetAuthor(authorId);
    },
    cachedContentCount: contents.cachedCount,
    cachedStateCount: () => states.size,
  };
}

export type NotesService = ReturnType<typeof createNotesService>;
