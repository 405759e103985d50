import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { setCommentLike } from '../api/notes.ts';
import type { CommentView } from '../api/types.ts';
import { useMe } from '../hooks/use-me.ts';
import { formatCount } from '../lib/format.ts';
import { HeartIcon } from './icons.tsx';

/** A comment's heart and count; the server's answer sets both (likes are idempotent). */
export function CommentLike({ comment }: { comment: CommentView }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const [state, setState] = useState({ liked: comment.liked ?? false, likeCount: comment.likeCount });
  const toggle = useMutation({
    mutationFn: () => setCommentLike(comment.id, !state.liked),
    onSuccess: setState,
  });
  const count = formatCount(state.likeCount, i18n.language);
  // The visible count is part of the name (WCAG 2.5.3): "Like 3", not a name the eye cannot see.
  const action = state.liked ? t('pages.comments.unlike') : t('pages.comments.like');
  return (
    <button
      type="button"
      className={state.liked ? 'comment-like liked' : 'comment-like'}
      aria-pressed={state.liked}
      aria-label={`${action} ${count}`}
      disabled={toggle.isPending}
      onClick={() => (me ? toggle.mutate() : void navigate('/login'))}
    >
      <HeartIcon size={14} filled={state.liked} />
      <span data-testid="comment-like-count">{count}</span>
    </button>
  );
}
