import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { deleteNote, getNote } from '../api/notes.ts';
import type { NoteView } from '../api/types.ts';
import { AuthorFollow } from '../components/author-follow.tsx';
import { Avatar } from '../components/avatar.tsx';
import { BackButton } from '../components/back-button.tsx';
import { Carousel } from '../components/carousel.tsx';
import { Comments } from '../components/comments.tsx';
import { NoteActions } from '../components/note-actions.tsx';
import { RichText } from '../components/rich-text.tsx';
import { Empty, ErrorBox, Loading } from '../components/states.tsx';
import { useMe } from '../hooks/use-me.ts';
import { usePageTitle } from '../i18n/page-title.ts';
import { formatRelative } from '../lib/format.ts';
import { tokenize } from '../lib/rich-text.ts';
import { isMissing } from './missing.ts';

/** One note: photos beside (desktop) or above (phone) its text, actions and comments. */
export function NotePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const note = useQuery({ queryKey: ['note', id], queryFn: () => getNote(id) });
  usePageTitle(note.isError ? t('titles.notFound') : note.data?.title);
  if (note.isPending) return <Loading />;
  if (note.isError) {
    if (isMissing(note.error)) return <Empty>{t('note.notFound')}</Empty>;
    return <ErrorBox error={note.error} onRetry={() => void note.refetch()} />;
  }
  return <NoteDetail note={note.data} />;
}

function NoteDetail({ note }: { note: NoteView }) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const remove = useMutation({ mutationFn: () => deleteNote(note.id), onSuccess: () => navigate('/') });
  const name = note.author.displayName || note.author.handle;
  const mine = me?.id === note.author.id;
  const chips = topicsNotInBody(note);
  return (
    <article className="page note-page">
      <div className="note-media">
        <Carousel images={note.images} title={note.title} />
      </div>
      <div className="note-side">
        <header className="note-author">
          <BackButton className="note-back" />
          <Link to={`/u/${encodeURIComponent(note.author.handle)}`} className="author-chip">
            <Avatar name={name} url={note.author.avatarUrl} size={40} />
            <span className="author-name">{name}</span>
          </Link>
          {!mine && <AuthorFollow handle={note.author.handle} />}
          {mine && (
            <div className="note-owner-actions">
              <Link to={`/notes/${note.id}/edit`} className="btn btn-outline btn-small">
                {t('note.edit')}
              </Link>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                disabled={remove.isPending}
                onClick={() => window.confirm(t('note.deleteConfirm')) && remove.mutate()}
              >
                {t('note.delete')}
              </button>
            </div>
          )}
        </header>
        <div className="note-text">
          {note.status === 'draft' && <span className="badge badge-draft">{t('note.draft')}</span>}
          <h1 className="note-title">{note.title}</h1>
          <p className="note-body">
            <RichText text={note.body} />
          </p>
          {chips.length > 0 && (
            <p className="note-topics">
              {chips.map((topic) => (
                <Link key={topic} to={`/topics/${encodeURIComponent(topic)}`} className="topic-link">
                  {`#${topic}`}
                </Link>
              ))}
            </p>
          )}
          <p className="note-time muted">
            {formatRelative(note.createdAt, i18n.language)}
            {note.updatedAt > note.createdAt + 60_000 && ` · ${t('note.edited')}`}
          </p>
        </div>
        <Comments noteId={note.id} count={note.commentCount} inputRef={commentRef} />
        <NoteActions note={note} onComment={() => commentRef.current?.focus()} />
      </div>
    </article>
  );
}

/** The note's topics the body does not already link (`#美食` in the text): each shows once. */
function topicsNotInBody(note: NoteView): string[] {
  const inBody = new Set(
    tokenize(note.body).flatMap((piece) => (piece.kind === 'topic' ? [piece.topic.toLowerCase()] : [])),
  );
  return note.topics.filter((topic) => !inBody.has(topic.toLowerCase()));
}
