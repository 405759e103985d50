import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listReplies } from '../api/notes.ts';
import type { CommentView } from '../api/types.ts';
import { formatRelative } from '../lib/format.ts';
import { Avatar } from './avatar.tsx';
import { CommentLike } from './comment-like.tsx';
import { RichText } from './rich-text.tsx';

interface CommentItemProps {
  comment: CommentView;
  onReply: (comment: CommentView) => void;
}

/** A comment with its replies: the first few come inline, the rest load on demand. */
export function CommentItem({ comment, onReply }: CommentItemProps) {
  const { t } = useTranslation();
  const [more, setMore] = useState<CommentView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const loadMore = useMutation({
    mutationFn: () => listReplies(comment.id, cursor ?? undefined),
    onSuccess: (page) => {
      // The first fetch restarts from the top, so it replaces the inline preview.
      setMore((prev) => [...(prev ?? []), ...page.items]);
      setCursor(page.nextCursor);
    },
  });
  const replies = more ?? comment.replies;
  const total = comment.replyCount;
  const hidden = more ? (cursor ? 1 : 0) : total - replies.length;
  return (
    <li className="comment">
      <CommentBody comment={comment} onReply={onReply} />
      {replies.length > 0 && (
        <ul className="replies">
          {replies.map((reply) => (
            <li key={reply.id} className="comment reply">
              <CommentBody comment={reply} onReply={onReply} />
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button
          type="button"
          className="link-button"
          disabled={loadMore.isPending}
          onClick={() => loadMore.mutate()}
        >
          {more ? t('note.moreReplies') : t('note.showReplies', { count: hidden })}
        </button>
      )}
    </li>
  );
}

function CommentBody({ comment, onReply }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const name = comment.author.displayName || comment.author.handle;
  return (
    <div className="comment-row">
      <Link to={`/u/${encodeURIComponent(comment.author.handle)}`}>
        <Avatar name={name} url={comment.author.avatarUrl} size={comment.parentId ? 24 : 32} />
      </Link>
      <div className="comment-main">
        <Link to={`/u/${encodeURIComponent(comment.author.handle)}`} className="comment-author">
          {name}
        </Link>
        {comment.parentId && comment.replyTo && (
          <span className="comment-reply-to">
            {t('note.repliedTo', { name: comment.replyTo.displayName || comment.replyTo.handle })}
          </span>
        )}
        <p className="comment-text">
          <RichText text={comment.body} />
        </p>
        <div className="comment-meta">
          <span>{formatRelative(comment.createdAt, i18n.language)}</span>
          <button type="button" className="link-button" onClick={() => onReply(comment)}>
            {t('note.reply')}
          </button>
          <CommentLike comment={comment} />
        </div>
      </div>
    </div>
  );
}
