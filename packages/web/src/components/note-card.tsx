import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteCard as NoteCardView } from '../api/types.ts';
import { formatCount } from '../lib/format.ts';
import { Avatar } from './avatar.tsx';
import { HeartIcon } from './icons.tsx';

/** The cover's height over width, clamped the way RedNote crops covers (no taller than 4:3 portrait). */
export function coverRatio(note: NoteCardView): number {
  const cover = note.cover;
  if (!cover || cover.width <= 0) return 1;
  return Math.min(4 / 3, Math.max(3 / 4, cover.height / cover.width));
}

/** A note in a grid: cover, title, author and likes. */
export function NoteCard({ note }: { note: NoteCardView }) {
  const { t, i18n } = useTranslation();
  const cover = note.cover?.url;
  return (
    <article className="note-card">
      <Link to={`/notes/${note.id}`} className="note-card-link">
        <div className="note-card-cover" style={{ aspectRatio: `1 / ${coverRatio(note)}` }}>
          {cover && <img src={cover} alt={t('card.cover', { title: note.title })} loading="lazy" />}
          {note.status === 'draft' && <span className="badge badge-draft">{t('note.draft')}</span>}
        </div>
        <h3 className="note-card-title">{note.title}</h3>
      </Link>
      <div className="note-card-meta">
        <Link to={`/u/${encodeURIComponent(note.author.handle)}`} className="note-card-author">
          <Avatar
            name={note.author.displayName || note.author.handle}
            url={note.author.avatarUrl}
            size={20}
          />
          <span className="note-card-name">{note.author.displayName || note.author.handle}</span>
        </Link>
        <span className="note-card-likes" title={t('card.likes', { count: note.likeCount })}>
          <HeartIcon size={15} filled={note.liked ?? false} />
          {formatCount(note.likeCount, i18n.language)}
        </span>
      </div>
    </article>
  );
}
