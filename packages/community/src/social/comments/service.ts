import {
  type AuthService,
  type Clock,
  type EventBus,
  ForbiddenError,
  type IdGenerator,
  keysetRows,
  type Language,
  mapRows,
  NotFoundError,
  ValidationError,
} from '@plaza/kernel';
import type {
  AccountDataContributor,
  BlocksApi,
  CommunityEvents,
  Executor,
  NotesApi,
  ProfilesApi,
  TextLanguage,
} from '../../contracts.ts';
import { resolveMentions as resolveAccountMentions } from '../../mentions.ts';
import { requireVisibleNote } from '../shared/notes-access.ts';
import { cleanTexts, mentionedHandles, type TextRule } from '../shared/text.ts';
import type { CommentRow, CommentsStore } from './store.ts';
import { type CommentView, createCommentReads } from './views.ts';

export type DetectLanguage = (text: string, hint?: TextLanguage) => TextLanguage;

export interface CommentsDeps {
  store: CommentsStore;
  notes: NotesApi;
  blocks: BlocksApi;
  profiles: ProfilesApi;
  auth: AuthService;
  clock: Clock;
  ids: IdGenerator;
  bus: EventBus;
  detectLanguage: DetectLanguage;
  /** Which of the comments the viewer likes (comment likes' store). */
  likedAmong: (viewerId: string, commentIds: string[]) => Promise<Set<string>>;
}

export interface CommentInput {
  body: string;
  parentId?: string | undefined;
}

const BODY_RULE: TextRule = { field: '/body', min: 1, max: 500, multiline: true };
// Bound on lookups per comment; a comment naming more accounts is refused, not truncated.
export const COMMENT_MENTIONS_MAX = 10;
const LANGUAGE_HINTS: Record<Language, TextLanguage> = { 'zh-TW': 'zh-Hant', 'zh-CN': 'zh-Hans', en: 'en' };

/** Where a new comment goes: RedNote's two levels, replies to replies flattened under the top. */
interface Placement {
  rootId: string | null;
  replyToAccountId: string | null;
  parentAuthorId: string | null;
}

export function createCommentsService(deps: CommentsDeps) {
  const { store, notes, blocks, auth, clock, ids, bus } = deps;
  const reads = createCommentReads(deps);

  async function place(viewerId: string, noteId: string, parentId: string | undefined): Promise<Placement> {
    if (!parentId) return { rootId: null, replyToAccountId: null, parentAuthorId: null };
    const parent = await store.findById(parentId);
    // A comment by someone the viewer blocks, or who blocks the viewer, is hidden from the
    // viewer's lists, so replying to it answers exactly as replying to a missing comment.
    const hidden =
      parent !== undefined &&
      parent.author_id !== viewerId &&
      (await blocks.eitherBlocks(viewerId, parent.author_id));
    if (!parent || parent.note_id !== noteId || hidden) {
      throw new ValidationError(
        'The comment replied to is not on this note.',
        [{ field: '/parentId', code: 'parent_not_on_note', message: 'is not a comment on this note' }],
        'parent_not_on_note',
      );
    }
    return {
      rootId: parent.root_id ?? parent.id,
      replyToAccountId: parent.root_id ? parent.author_id : null,
      parentAuthorId: parent.author_id,
    };
  }

  /** Mentioned accounts' ids (`mentions.ts`: who blocks whom decides refused or left plain). */
  async function resolveMentions(viewerId: string, body: string): Promise<string[]> {
    const handles = mentionedHandles(body);
    if (handles.length > COMMENT_MENTIONS_MAX) {
      throw new ValidationError('The comment mentions too many accounts.', [
        {
          field: '/body',
          code: 'too_many_mentions',
          params: { max: COMMENT_MENTIONS_MAX },
          message: `mentions ${handles.length} accounts; at most ${COMMENT_MENTIONS_MAX}`,
        },
      ]);
    }
    return resolveAccountMentions({ auth, blocks }, viewerId, handles);
  }

  /**
   * Inserts the comment and records its event in the same transaction; answers the stored row,
   * which is the first run's when a retry names a comment that had committed already.
   */
  async function insert(row: CommentRow, event: CommunityEvents['comment.created']): Promise<CommentRow> {
    const stored = await store.transaction(async (trx) => {
      // Re-read inside the transaction: the thread may have been deleted since it was checked.
      if (row.root_id && !(await store.findById(row.root_id, trx))) {
        throw new ValidationError('The comment replied to was deleted.', [
          { field: '/parentId', code: 'deleted', message: 'was deleted' },
        ]);
      }
      if (!(await store.insert(row, trx))) return store.findById(row.id, trx);
      if (row.root_id) await store.adjustReplies(row.root_id, 1, trx);
      await notes.adjustCounter(row.note_id, 'commentCount', 1, trx);
      await bus.record(trx, 'comment.created', event);
      return row;
    });
    // Gone between the conflict and the read: deleted by its author since the first run.
    if (!stored) throw new NotFoundError('That comment');
    return stored;
  }

  const contributor: AccountDataContributor = {
    name: 'social.comments',
    write: (accountId, sink) =>
      sink.lines(
        'comments.jsonl',
        mapRows(keysetRows(store.pagesByAuthor(accountId)), (r) => ({
          id: r.id,
          noteId: r.note_id,
          parentId: r.root_id,
          body: r.body,
          language: r.language,
          createdAt: r.created_at,
        })),
      ),
    async erase(accountId, db: Executor) {
      const lost = await store.eraseAccount(accountId, db);
      for (const [noteId, count] of lost) await notes.adjustCounter(noteId, 'commentCount', -count, db);
    },
  };

  return {
    ...reads,
    contributor,
    /** Comment texts by id, for notifications (a deleted comment is absent). */
    texts: (ids: string[]) => store.bodiesByIds(ids),
    /** Deleted notes lose their comments; `db` runs it inside the caller's transaction. */
    onNotesDeleted: (noteIds: string[], db?: Executor) => store.deleteByNotes(noteIds, db),
    onNoteDeleted: ({ noteId }: CommunityEvents['note.deleted'], db?: Executor) =>
      store.deleteByNotes([noteId], db),

    /**
     * `id` names the comment when the request derives it from its Idempotency-Key: a retry whose
     * first run committed finds that comment and answers it instead of writing a second.
     */
    async create(
      viewer: { accountId: string; language: Language },
      noteId: string,
      input: CommentInput,
      id?: string,
    ) {
      const [body = ''] = cleanTexts('The comment has problems.', [[input.body, BODY_RULE]]);
      // A block either way makes the note look missing, as on every other path.
      const note = await requireVisibleNote(notes, blocks, noteId, viewer.accountId);
      const placement = await place(viewer.accountId, noteId, input.parentId);
      const mentions = await resolveMentions(viewer.accountId, body);
      const row: CommentRow = {
        id: id ?? ids.next(),
        note_id: noteId,
        author_id: viewer.accountId,
        root_id: placement.rootId,
        reply_to_account_id: placement.replyToAccountId,
        body,
        language: deps.detectLanguage(body, LANGUAGE_HINTS[viewer.language]),
        mentions: JSON.stringify(mentions),
        reply_count: 0,
        like_count: 0,
        created_at: clock.nowMs(),
      };
      const stored = await insert(row, {
        noteId,
        commentId: row.id,
        accountId: viewer.accountId,
        authorId: note.authorId,
        parentAuthorId: placement.parentAuthorId,
        mentions,
      });
      await bus.deliver();
      const [view] = await reads.present([stored], [], new Set(), viewer.accountId);
      if (!view) throw new NotFoundError('Your account');
      return view satisfies CommentView;
    },

    /**
     * Deletes a comment (its author or the note's author may). A top-level comment takes its
     * replies with it, as on RedNote; the note's commentCount drops by all of them.
     */
    async remove(viewerId: string, commentId: string): Promise<void> {
      const comment = await store.findById(commentId);
      if (!comment) throw new NotFoundError('That comment');
      const note = await notes.meta(comment.note_id);
      if (comment.author_id !== viewerId && note?.authorId !== viewerId) {
        throw new ForbiddenError(
          'Only the comment’s author or the note’s author can delete it.',
          'not_author',
        );
      }
      await store.transaction(async (trx) => {
        const removed = await store.deleteWithReplies(commentId, trx);
        if (removed === 0) return;
        if (comment.root_id) await store.adjustReplies(comment.root_id, -1, trx);
        await notes.adjustCounter(comment.note_id, 'commentCount', -removed, trx);
      });
    },
  };
}

export type CommentsService = ReturnType<typeof createCommentsService>;
