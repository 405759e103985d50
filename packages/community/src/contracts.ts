/**
 * What the Community modules promise each other. A module reaches another only through
 * these interfaces (or bus events), never through its tables, so each can change its
 * storage freely. Every method that writes takes an optional `db` so a caller can run it
 * inside its own transaction.
 */
import type { AccountExportContributor } from '@plaza/kernel';
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a transaction of any module's tables is passed through untouched
export type Executor = Kysely<any>;

export type TextLanguage = 'zh-Hant' | 'zh-Hans' | 'en' | 'other';

/** An account as shown next to content. */
export interface AuthorView {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface ImageView {
  id: string;
  width: number;
  height: number;
  /** Variant name → URL, e.g. `{ thumb: '/media/…/thumb.webp', large: …, original: … }`. */
  urls: Record<string, string>;
}

export interface NoteView {
  id: string;
  author: AuthorView;
  title: string;
  body: string;
  language: TextLanguage;
  topics: string[];
  mentions: string[];
  images: ImageView[];
  status: 'published' | 'draft';
  likeCount: number;
  collectCount: number;
  commentCount: number;
  createdAt: number;
  updatedAt: number;
  viewer: { liked: boolean; collected: boolean } | null;
}

/** A note's cover as a grid shows it: its first image, at the smallest size kept. */
export interface CoverView {
  url: string;
  width: number;
  height: number;
}

/** An author as a card shows it: the name, the picture and the handle its link opens. */
export type CardAuthor = Pick<AuthorView, 'handle' | 'displayName' | 'avatarUrl'>;

/**
 * A published note as a grid of cards shows it (the feeds): what the card draws, and no more,
 * since a page of them is what the busiest routes send. The note page reads the full
 * `NoteView` (body, topics, mentions, every image, times).
 */
export interface NoteCard {
  id: string;
  author: CardAuthor;
  title: string;
  cover: CoverView | null;
  likeCount: number;
  /** Whether the viewer likes it; null when signed out. */
  liked: boolean | null;
}

/** The part of a note other modules decide on (existence, ownership, visibility, order). */
export interface NoteMeta {
  id: string;
  authorId: string;
  status: 'published' | 'draft';
  topics: string[];
  createdAt: number;
}

export type NoteCounter = 'likeCount' | 'collectCount' | 'commentCount';

/** Keyset cursor over (createdAt, id), stable under concurrent inserts. */
export interface PageRequest {
  cursor?: string | undefined;
  limit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ProfilesApi {
  /** Author cards for content, in the order asked; unknown ids are left out. */
  authorsByIds(ids: string[], db?: Executor): Promise<Map<string, AuthorView>>;
}

export interface MediaApi {
  /**
   * The images, checked to be the owner's uploads, in the order given; throws ValidationError
   * otherwise. Marks them used (in `db`'s transaction): an upload never claimed is deleted
   * after PLAZA_MEDIA_UNATTACHED_HOURS, so notes (drafts too) and avatars must claim theirs.
   */
  claimForOwner(ownerId: string, mediaIds: string[], db?: Executor): Promise<ImageView[]>;
  imagesByIds(ids: string[], db?: Executor): Promise<Map<string, ImageView>>;
  deleteOwnedBy(ownerId: string, db?: Executor): Promise<void>;
}

export interface BlocksApi {
  /** True when either account blocks the other. */
  eitherBlocks(a: string, b: string, db?: Executor): Promise<boolean>;
  /** True when `blockerId` blocks `blockedId` (one way: the rules differ by who blocked whom). */
  blocks(blockerId: string, blockedId: string, db?: Executor): Promise<boolean>;
  /** Every account `viewerId` must not see: those it blocks and those blocking it. */
  hiddenFrom(viewerId: string, db?: Executor): Promise<Set<string>>;
}

export interface HydrateOptions {
  /**
   * The accounts the viewer must not see (`BlocksApi.hiddenFrom`), when the caller has already
   * looked them up for its own rules; hydrate looks them up itself otherwise.
   */
  hidden?: ReadonlySet<string> | undefined;
  /** Reads inside this executor (a transaction) and bypasses every cache. */
  db?: Executor | undefined;
}

export interface NotesApi {
  meta(id: string, db?: Executor): Promise<NoteMeta | undefined>;
  /**
   * Full views in the order asked; missing, deleted or draft notes of others and notes of
   * hidden authors are dropped.
   */
  hydrate(ids: string[], viewerId: string | null, options?: HydrateOptions): Promise<NoteView[]>;
  /**
   * Cards of the published notes among `ids`, in the order asked, without hidden authors'
   * (as `hydrate` drops them), served from this process's caches: a change made here shows
   * on the next read, one made by another process within seconds (the caches re-read what
   * is being read) and never later than their time to live.
   */
  cards(
    ids: string[],
    viewerId: string | null,
    options?: Pick<HydrateOptions, 'hidden'>,
  ): Promise<NoteCard[]>;
  adjustCounter(noteId: string, counter: NoteCounter, delta: number, db?: Executor): Promise<void>;
  /** An author's notes, newest first; drafts only when `includeDrafts` (the author's own view). */
  listByAuthor(
    authorId: string,
    page: PageRequest,
    includeDrafts: boolean,
    db?: Executor,
  ): Promise<Page<NoteMeta>>;
  /** Published notes carrying a topic (normalized with `topicKey`), newest first. */
  listByTopic(topicKey: string, page: PageRequest, db?: Executor): Promise<Page<NoteMeta>>;
  /** Published notes created at or after `sinceMs`, newest first, with engagement counts: discover's candidates. */
  listRecentPublished(sinceMs: number, limit: number, db?: Executor): Promise<RankedCandidate[]>;
  countByAuthor(authorId: string, db?: Executor): Promise<number>;
  /** Likes and collects received over the author's published notes. */
  engagementByAuthor(authorId: string, db?: Executor): Promise<{ likes: number; collects: number }>;
  /** Registers who answers `viewer.liked/collected` in note views (the social module). */
  setViewerStateProvider(provider: ViewerStateProvider): void;
  /** Registers who answers `viewer.liked` on cards (the social module, from its cache). */
  setLikedStateProvider(provider: LikedStateProvider): void;
}

export interface RankedCandidate extends NoteMeta {
  likeCount: number;
  collectCount: number;
  commentCount: number;
}

/** Liked/collected state of a viewer, supplied by the social module to note views. */
export type ViewerStateProvider = (
  noteIds: string[],
  viewerId: string,
) => Promise<Map<string, { liked: boolean; collected: boolean }>>;

/**
 * Whether `viewerId` likes each of `noteIds` (true: likes; false or absent: does not); may
 * answer from a cache kept by its owner, with entries for other notes too.
 */
export type LikedStateProvider = (
  noteIds: string[],
  viewerId: string,
) => Promise<ReadonlyMap<string, boolean>>;

export interface SocialApi {
  followeeIds(accountId: string, db?: Executor): Promise<string[]>;
  /** Followers in batches, for fan-out on write. */
  followerIdsBatch(
    accountId: string,
    afterId: string | null,
    limit: number,
    db?: Executor,
  ): Promise<string[]>;
  isFollowing(follower: string, followee: string, db?: Executor): Promise<boolean>;
  counts(accountId: string, db?: Executor): Promise<{ followers: number; following: number }>;
}

/**
 * Domain events on the bus, recorded in the transaction of the change they announce and
 * delivered after it commits. Payloads are plain JSON; handlers must be idempotent because
 * an event whose handlers ran may be delivered again when a crash kept its outbox row.
 */
export interface CommunityEvents {
  'note.published': {
    noteId: string;
    authorId: string;
    createdAt: number;
    topics: string[];
    mentions: string[];
  };
  'note.updated': { noteId: string; authorId: string };
  'note.deleted': { noteId: string; authorId: string };
  'follow.created': { followerId: string; followeeId: string };
  'follow.deleted': { followerId: string; followeeId: string };
  'block.created': { blockerId: string; blockedId: string };
  'like.created': { noteId: string; accountId: string; authorId: string };
  'collect.created': { noteId: string; accountId: string; authorId: string };
  /** A first like of a comment by this account (a like taken back and given again counts once). */
  'comment.liked': { noteId: string; commentId: string; accountId: string; authorId: string };
  'comment.created': {
    noteId: string;
    commentId: string;
    accountId: string;
    authorId: string;
    parentAuthorId: string | null;
    mentions: string[];
  };
  /** Published by the kernel's sign-up. */
  'account.created': { accountId: string };
  'account.deleted': { accountId: string };
  'profile.updated': { accountId: string };
}

/**
 * Everything an account owns, for export and erasure. Each module registers what it holds;
 * the accounts module runs them all. `write` puts the module's part of the export archive
 * into its own folder, reading its rows in keyset pages (`keysetRows`), never all at once.
 */
export interface AccountDataContributor extends AccountExportContributor {
  /** Erases the account's data of this module; runs inside the deletion transaction. */
  erase(accountId: string, db: Executor): Promise<void>;
}
