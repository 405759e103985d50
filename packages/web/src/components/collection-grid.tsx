import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CollectionView } from '../api/types.ts';
import { StarIcon } from './icons.tsx';

/** The latest notes' photos, RedNote style (one large, two small), or a star for an empty board. */
function BoardCover({ covers }: { covers: string[] }) {
  if (covers.length === 0)
    return (
      <div className="collection-cover" aria-hidden="true">
        <StarIcon size={36} />
      </div>
    );
  return (
    <div className={`collection-cover board-covers board-covers-${covers.length}`} aria-hidden="true">
      {covers.map((url) => (
        <img key={url} src={url} alt="" loading="lazy" />
      ))}
    </div>
  );
}

/** Boards as tiles: covers, name, note count, and whether only the owner sees it. */
export function CollectionGrid({ collections }: { collections: CollectionView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="collection-grid">
      {collections.map((board) => (
        <li key={board.id}>
          <Link to={`/collections/${board.id}`} className="collection-tile">
            <BoardCover covers={board.covers ?? []} />
            <span className="collection-name">{board.name}</span>
            <span className="muted">
              {t('collection.notes', { count: board.noteCount })}
              {board.private && ` · ${t('collection.private')}`}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
