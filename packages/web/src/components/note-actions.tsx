import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { setLike, uncollectNote } from '../api/notes.ts';
import type { NoteView } from '../api/types.ts';
import { useMe } from '../hooks/use-me.ts';
import { formatCount } from '../lib/format.ts';
import { CollectSheet } from './collect-sheet.tsx';
import { CommentIcon, HeartIcon, StarIcon } from './icons.tsx';

/** Like, collect and comment counts under a note, as toggles. */
export function NoteActions({ note, onComment }: { note: NoteView; onComment: () => void }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sheetOpen, setSheetOpen] = useState(false);
  const key = ['note', note.id];
  const patch = (change: Partial<NoteView>) =>
    queryClient.setQueryData<NoteView>(key, (old) => (old ? { ...old, ...change } : old));
  const liked = note.viewer?.liked ?? false;
  const collected = note.viewer?.collected ?? false;

  const like = useMutation({
    mutationFn: () => setLike(note.id, !liked),
    onSuccess: (state) => patch({ likeCount: state.likeCount, viewer: { liked: state.liked, collected } }),
  });
  const uncollect = useMutation({
    mutationFn: () => uncollectNote(note.id),
    onSuccess: (state) => patch({ collectCount: state.collectCount, viewer: { liked, collected: false } }),
  });
  const requireMe = (action: () => void) => () => (me ? action() : void navigate('/login'));
  const lang = i18n.language;

  return (
    <div className="note-actions">
      <button
        type="button"
        className={liked ? 'action active' : 'action'}
        aria-pressed={liked}
        aria-label={liked ? t('note.unlike') : t('note.like')}
        disabled={like.isPending}
        onClick={requireMe(() => like.mutate())}
      >
        <HeartIcon filled={liked} />
        <span data-testid="like-count">{formatCount(note.likeCount, lang)}</span>
      </button>
      <button
        type="button"
        className={collected ? 'action active-gold' : 'action'}
        aria-pressed={collected}
        aria-label={collected ? t('note.uncollect') : t('note.collect')}
        disabled={uncollect.isPending}
        onClick={requireMe(() => (collected ? uncollect.mutate() : setSheetOpen(true)))}
      >
        <StarIcon filled={collected} />
        <span data-testid="collect-count">{formatCount(note.collectCount, lang)}</span>
      </button>
      <button type="button" className="action" aria-label={t('note.comment')} onClick={requireMe(onComment)}>
        <CommentIcon />
        <span>{formatCount(note.commentCount, lang)}</span>
      </button>
      {sheetOpen && me && (
        <CollectSheet
          noteId={note.id}
          handle={me.handle}
          onClose={() => setSheetOpen(false)}
          onCollected={(collectCount) => {
            patch({ collectCount, viewer: { liked, collected: true } });
            setSheetOpen(false);
          }}
        />
      )}
    </div>
  );
}
