/**
 * Shapes the Plaza API answers with. They mirror `packages/community/src/contracts.ts`; the web
 * app keeps its own copy so the browser bundle never pulls in server types (Kysely, Node).
 */

export type UiLanguage = 'zh-TW' | 'zh-CN' | 'en';

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
  urls: Record<string, string>;
}

export interface NoteView {
  id: string;
  author: AuthorView;
  title: string;
  body: string;
  language: string;
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

/** A note's first image at grid size. */
export interface CoverView {
  url: string;
  width: number;
  height: number;
}

/**
 * A note as a grid shows it. The feeds answer exactly this for published notes; other lists
 * answer full notes, turned into cards by `cardOf` (with `status` there, for a draft badge).
 */
export interface NoteCard {
  id: string;
  author: Pick<AuthorView, 'handle' | 'displayName' | 'avatarUrl'>;
  title: string;
  cover: CoverView | null;
  likeCount: number;
  /** Whether I like it; null when signed out. */
  liked: boolean | null;
  status?: 'published' | 'draft';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The signed-in account as `GET /api/v1/me` answers it. */
export interface Me {
  id: string;
  handle: string;
  email?: string;
  role?: string;
  language: UiLanguage;
  displayName?: string;
  bio?: string;
  avatarUrl?: string | null;
  /** Unread notifications when the account was read: seeds the nav badge without a second call. */
  unreadNotifications?: number;
}

export interface Session {
  token: string;
  account: Me;
}

export interface Profile {
  id: string;
  handle: string;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  /** Null only while the module that keeps a count is not installed. */
  followerCount?: number | null;
  followingCount?: number | null;
  noteCount?: number | null;
  /** Likes and collects received over the account's published notes. */
  likesAndCollects?: number | null;
  viewer: { following: boolean | null; followsYou: boolean | null; blocking: boolean } | null;
}

export interface Media {
  id: string;
  width: number;
  height: number;
  urls: Record<string, string>;
}

export interface CommentView {
  id: string;
  noteId: string;
  parentId: string | null;
  author: AuthorView;
  body: string;
  createdAt: number;
  replyCount: number;
  /** On a reply: whose comment it answers (replies to replies join the top-level thread). */
  replyTo: AuthorView | null;
  replies: CommentView[];
  likeCount: number;
  /** Whether I like it; null when signed out. */
  liked: boolean | null;
}

/** How a note's comments are listed. */
export type CommentOrder = 'oldest' | 'newest' | 'liked';

export interface CollectionView {
  id: string;
  owner: AuthorView;
  name: string;
  description: string;
  private: boolean;
  /** The board a bare "collect" goes into. */
  isDefault: boolean;
  noteCount: number;
  createdAt: number;
  updatedAt: number;
  /** In an account's list of boards: the photos of its latest notes, newest first (≤ 3). */
  covers?: string[];
}

export interface CollectionPage extends CollectionView {
  notes: Page<NoteView>;
}

export interface TopicView {
  topic: string;
  noteCount: number;
}

export type NotificationType =
  | 'follow'
  | 'like'
  | 'collect'
  | 'comment'
  | 'reply'
  | 'mention'
  | 'comment_like';

export interface NotificationView {
  id: string;
  kind: NotificationType;
  actor: AuthorView;
  note: { id: string; title: string; coverUrl: string | null } | null;
  commentId: string | null;
  /** The comment's start for comment, reply and mention notices; null when gone or none. */
  commentText: string | null;
  read: boolean;
  createdAt: number;
}

/** The notifications page's groups (server: notifications/store.ts NOTIFICATION_GROUPS). */
export type NotificationGroup = 'likes' | 'follows' | 'comments';

/** One field's problem: a stable code and the values its message needs (the English is for API readers). */
export interface FieldIssue {
  field: string;
  /** Missing only in answers from servers older than field codes. */
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  /** The values the message for `code` needs (`{ nextSwitchDate: '2026-03-11' }`). */
  params?: Record<string, string | number>;
  detail: string;
  errors?: FieldIssue[];
  /** `errors` lists only the first field issues of more. */
  errorsTruncated?: true;
}
