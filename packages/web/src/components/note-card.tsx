import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteCard as NoteCardView } from '../api/types.ts';
import { Avatar } from './avatar.tsx';
import { CardLike } from './card-like.tsx';

/** The cover's height over width, clamped the way RedNote crops covers (no taller than 4:3 portrait). */
export function coverRatio(note: NoteCardView): number {
  const cover = note.cover;
  if (!cover || cover.width <= 0) return 1;
  return Math.min(4 / 3, Math.max(3 / 4, cover.height / cover.width));
}

/** A note in a grid: cover, title, author and likes. */
export function NoteCard({ note }: { note: NoteCardView }) {
  const { t } = useTranslation();
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
        <CardLike note={note} />
      </div>
    </article>
  );
}
