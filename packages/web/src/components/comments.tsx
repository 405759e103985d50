import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listComments } from '../api/notes.ts';
import type { CommentOrder, CommentView } from '../api/types.ts';
import { useMe } from '../hooks/use-me.ts';
import { usePaged } from '../hooks/use-paged.ts';
import { CommentForm } from './comment-form.tsx';
import { CommentItem } from './comment-item.tsx';
import { Segmented } from './segmented.tsx';
import { Empty, ErrorBox, Loading } from './states.tsx';

interface CommentsProps {
  noteId: string;
  count: number;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

/** The note's comment threads and the box to add to them. */
export function Comments({ noteId, count, inputRef }: CommentsProps) {
  const { t } = useTranslation();
  const { me } = useMe();
  const [replyTo, setReplyTo] = useState<CommentView | null>(null);
  const [order, setOrder] = useState<CommentOrder>('newest');
  const list = usePaged(['comments', noteId, order], (cursor) => listComments(noteId, cursor, order));
  const reply = (comment: CommentView) => {
    setReplyTo(comment);
    inputRef.current?.focus();
  };
  return (
    <section className="comments" aria-label={t('note.commentsTitle', { count })}>
      <div className="comments-head">
        <h2 className="section-title">{t('note.commentsTitle', { count })}</h2>
        <Segmented
          value={order}
          label={t('pages.comments.order')}
          options={[
            { value: 'newest', label: t('pages.comments.newest') },
            { value: 'liked', label: t('pages.comments.mostLiked') },
          ]}
          onChange={setOrder}
        />
      </div>
      {me ? (
        <CommentForm ref={inputRef} noteId={noteId} replyTo={replyTo} onDone={() => setReplyTo(null)} />
      ) : (
        <p className="comment-login">
          <Link to="/login" className="btn btn-outline">
            {t('pages.note.logInToComment')}
          </Link>
        </p>
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.items.length === 0 && <Empty>{t('note.noComments')}</Empty>}
      <ul className="comment-list">
        {list.items.map((comment) => (
          <CommentItem key={comment.id} comment={comment} onReply={reply} />
        ))}
      </ul>
      <div ref={list.sentinelRef}>{list.isFetchingNextPage && <Loading />}</div>
    </section>
  );
}
