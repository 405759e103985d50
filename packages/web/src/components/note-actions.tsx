import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
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
  const ids = useId();
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
      {/* Each count sits beside its button and describes it: inside, it would be visible text
          missing from the button's name (WCAG 2.5.3, label in name). */}
      <span className={liked ? 'action active' : 'action'}>
        <button
          type="button"
          aria-pressed={liked}
          aria-label={liked ? t('note.unlike') : t('note.like')}
          aria-describedby={`${ids}-likes`}
          disabled={like.isPending}
          onClick={requireMe(() => like.mutate())}
        >
          <HeartIcon filled={liked} />
        </button>
        <span id={`${ids}-likes`} data-testid="like-count">
          {formatCount(note.likeCount, lang)}
        </span>
      </span>
      <span className={collected ? 'action active-gold' : 'action'}>
        <button
          type="button"
          aria-pressed={collected}
          aria-label={collected ? t('note.uncollect') : t('note.collect')}
          aria-describedby={`${ids}-collects`}
          disabled={uncollect.isPending}
          onClick={requireMe(() => (collected ? uncollect.mutate() : setSheetOpen(true)))}
        >
          <StarIcon filled={collected} />
        </button>
        <span id={`${ids}-collects`} data-testid="collect-count">
          {formatCount(note.collectCount, lang)}
        </span>
      </span>
      <span className="action">
        <button
          type="button"
          aria-label={t('note.comment')}
          aria-describedby={`${ids}-comments`}
          onClick={requireMe(onComment)}
        >
          <CommentIcon />
        </button>
        <span id={`${ids}-comments`}>{formatCount(note.commentCount, lang)}</span>
      </span>
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
