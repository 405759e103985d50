import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { setLike } from '../api/notes.ts';
import type { NoteCard } from '../api/types.ts';
import { useMe } from '../hooks/use-me.ts';
import { formatCount } from '../lib/format.ts';
import { HeartIcon } from './icons.tsx';

/**
 * The heart on a grid card, a toggle as on RedNote: the count and state are the server's
 * answer (likes are idempotent, so a double tap cannot count twice). Signed out, it asks to log in.
 */
export function CardLike({ note }: { note: NoteCard }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, setState] = useState({ liked: note.liked ?? false, likeCount: note.likeCount });
  const toggle = useMutation({
    mutationFn: () => setLike(note.id, !state.liked),
    onSuccess: async (answer) => {
      setState(answer);
      // The note page, if cached, must not show the old count.
      await queryClient.invalidateQueries({ queryKey: ['note', note.id] });
    },
  });
  return (
    <button
      type="button"
      className={state.liked ? 'note-card-likes liked' : 'note-card-likes'}
      aria-pressed={state.liked}
      aria-label={`${state.liked ? t('note.unlike') : t('note.like')} · ${t('card.likes', { count: state.likeCount })}`}
      disabled={toggle.isPending}
      onClick={() => (me ? toggle.mutate() : void navigate('/login'))}
    >
      <HeartIcon size={15} filled={state.liked} />
      <span data-testid="card-like-count">{formatCount(state.likeCount, i18n.language)}</span>
    </button>
  );
}
