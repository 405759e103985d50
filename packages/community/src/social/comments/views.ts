import { NotFoundError } from '@plaza/kernel';
import type {
  AuthorView,
  BlocksApi,
  NoteMeta,
  NotesApi,
  PageRequest,
  ProfilesApi,
  TextLanguage,
} from '../../contracts.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { hiddenForSql } from '../shared/hidden.ts';
import { requirePublishedNote, requireVisibleNote } from '../shared/notes-access.ts';
import { type CommentOrder, decodeCommentCursor, encodeCommentCursor } from './order.ts';
import type { CommentRow, CommentsStore } from './store.ts';

export interface CommentView {
  id: string;
  noteId: string;
  /** The top-level comment a reply hangs from; null for a top-level comment. */
  parentId: string | null;
  author: AuthorView;
  body: string;
  language: TextLanguage;
  createdAt: number;
  replyCount: number;
  replies: CommentView[];
  /** For a reply to a reply: whom it answers. Null otherwise. */
  replyTo: AuthorView | null;
  likeCount: number;
  /** Whether the viewer likes it; null when signed out. */
  liked: boolean | null;
}

export interface CommentReadDeps {
  store: CommentsStore;
  notes: NotesApi;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  /** Which of the comments the viewer likes (comment likes' store). */
  likedAmong: (viewerId: string, commentIds: string[]) => Promise<Set<string>>;
}

/** How many replies ride along with each top-level comment in a note's comment list. */
export const REPLIES_PREVIEW = 3;

/** Read paths: skeleton (ids) → hydration (authors, in one batch) → rules (blocks) → views. */
export function createCommentReads({ store, notes, blocks, profiles, likedAmong }: CommentReadDeps) {
  /** Views of comments with their replies; comments by `hidden` accounts drop out, and a
   * reply answering a hidden account does not name it. */
  async function present(
    rows: CommentRow[],
    replies: CommentRow[] = [],
    hidden: ReadonlySet<string> = new Set(),
    viewerId: string | null = null,
  ): Promise<CommentView[]> {
    const all = [...rows, ...replies];
    const accountIds = all.flatMap((r) => [r.author_id, r.reply_to_account_id ?? r.author_id]);
    const authors = await profiles.authorsByIds([...new Set(accountIds)]);
    const liked = viewerId
      ? await likedAmong(
          viewerId,
          all.map((r) => r.id),
        )
      : null;
    const one = (r: CommentRow, nested: CommentView[]): CommentView[] => {
      const author = hidden.has(r.author_id) ? undefined : authors.get(r.author_id);
      if (!author) return [];
      const replyTo =
        r.reply_to_account_id && !hidden.has(r.reply_to_account_id) ? r.reply_to_account_id : null;
      return [
        {
          id: r.id,
          noteId: r.note_id,
          parentId: r.root_id,
          author,
          body: r.body,
          language: r.language as TextLanguage,
          createdAt: r.created_at,
          replyCount: Number(r.reply_count),
          replies: nested,
          replyTo: replyTo ? (authors.get(replyTo) ?? null) : null,
          likeCount: Number(r.like_count),
          liked: liked ? liked.has(r.id) : null,
        },
      ];
    };
    return rows.flatMap((r) =>
      one(
        r,
        replies.filter((reply) => reply.root_id === r.id).flatMap((reply) => one(reply, [])),
      ),
    );
  }

  /** The note, if the viewer may read its comments; a draft or a block looks missing. */
  async function readableNote(noteId: string, viewerId: string | null): Promise<NoteMeta> {
    return viewerId
      ? requireVisibleNote(notes, blocks, noteId, viewerId)
      : requirePublishedNote(notes, noteId);
  }

  const hiddenFor = async (viewerId: string | null): Promise<ReadonlySet<string>> =>
    viewerId ? blocks.hiddenFrom(viewerId) : new Set<string>();

  return {
    present,
    readableNote,

    /** A note's top-level comments in `order` (oldest first by default), each with its first few replies. */
    async list(noteId: string, viewerId: string | null, page: PageRequest, order: CommentOrder = 'oldest') {
      await readableNote(noteId, viewerId);
      const hidden = await hiddenFor(viewerId);
      const after = decodeCommentCursor(order, page.cursor);
      const rows = await store.topLevelPage(noteId, hiddenForSql(hidden), after, page.limit, order);
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      const nextCursor =
        rows.length > page.limit && last
          ? encodeCommentCursor(order, { likes: Number(last.like_count), atMs: last.created_at, id: last.id })
          : null;
      const replies = await store.firstReplies(
        items.map((r) => r.id),
        REPLIES_PREVIEW,
        hiddenForSql(hidden),
      );
      return { items: await present(items, replies, hidden, viewerId), nextCursor };
    },

    /** Replies under one comment, oldest first. */
    async replies(commentId: string, viewerId: string | null, page: PageRequest) {
      const comment = await store.findById(commentId);
      if (!comment) throw new NotFoundError('That comment');
      await readableNote(comment.note_id, viewerId);
      const hidden = await hiddenFor(viewerId);
      if (hidden.has(comment.author_id)) throw new NotFoundError('That comment');
      const after = decodeCursor(page.cursor);
      const rows = await store.repliesPage(commentId, hiddenForSql(hidden), after, page.limit);
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ atMs: r.created_at, id: r.id }));
      return { items: await present(items, [], hidden, viewerId), nextCursor };
    },
  };
}

export type CommentReads = ReturnType<typeof createCommentReads>;
