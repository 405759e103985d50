import { type Clock, type EventBus, keysetRows, mapRows, NotFoundError } from '@plaza/kernel';
import type { AccountDataContributor, BlocksApi, CommunityEvents, NotesApi } from '../../contracts.ts';
import { requireVisibleNote } from '../shared/notes-access.ts';
import type { CommentLikesStore } from './likes-store.ts';
import type { CommentsStore } from './store.ts';

export interface CommentLikesDeps {
  store: CommentLikesStore;
  comments: CommentsStore;
  notes: NotesApi;
  blocks: BlocksApi;
  clock: Clock;
  bus: EventBus;
}

/** The answer of a like or unlike: the state it left, whatever the state before. */
export interface CommentLikeState {
  liked: boolean;
  likeCount: number;
}

/** Liking comments: idempotent both ways; a comment the viewer may not see is a 404. */
export function createCommentLikesService({ store, comments, notes, blocks, clock, bus }: CommentLikesDeps) {
  /** The comment, if the viewer may see it: its note readable and no block with its author. */
  async function visibleComment(viewerId: string, commentId: string) {
    const comment = await comments.findById(commentId);
    if (!comment) throw new NotFoundError('That comment');
    await requireVisibleNote(notes, blocks, comment.note_id, viewerId);
    if (comment.author_id !== viewerId && (await blocks.eitherBlocks(viewerId, comment.author_id)))
      throw new NotFoundError('That comment');
    return comment;
  }

  const contributor: AccountDataContributor = {
    name: 'social.comment-likes',
    write: (accountId, sink) =>
      sink.lines(
        'comment-likes.jsonl',
        mapRows(keysetRows(store.pagesByAccount(accountId)), (r) => ({
          commentId: r.comment_id,
          likedAt: r.created_at,
        })),
      ),
    erase: (accountId, db) => store.eraseAccount(accountId, db),
  };

  return {
    contributor,
    likedAmong: (viewerId: string, commentIds: string[]) => store.likedAmong(viewerId, commentIds),

    async like(viewerId: string, commentId: string): Promise<CommentLikeState> {
      const comment = await visibleComment(viewerId, commentId);
      const likeCount = await store.transaction(async (trx) => {
        if (await store.add(commentId, viewerId, clock.nowMs(), trx)) {
          const event: CommunityEvents['comment.liked'] = {
            noteId: comment.note_id,
            commentId,
            accountId: viewerId,
            authorId: comment.author_id,
          };
          await bus.record(trx, 'comment.liked', event);
        }
        return store.count(commentId, trx);
      });
      // After the commit, so the author's notification exists when the answer arrives.
      await bus.deliver();
      return { liked: true, likeCount };
    },

    /** Taking back one's own like always works; otherwise a hidden comment stays a 404. */
    async unlike(viewerId: string, commentId: string): Promise<CommentLikeState> {
      const removed = await store.transaction(async (trx) => store.remove(commentId, viewerId, trx));
      if (!removed) await visibleComment(viewerId, commentId);
      return { liked: false, likeCount: await store.count(commentId) };
    },
  };
}

export type CommentLikesService = ReturnType<typeof createCommentLikesService>;
