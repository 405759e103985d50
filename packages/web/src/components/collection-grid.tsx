import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CollectionView } from '../api/types.ts';
import { StarIcon } from './icons.tsx';

/** Boards as tiles: name, note count, and whether only the owner sees it. */
export function CollectionGrid({ collections }: { collections: CollectionView[] }) {
  const { t } = useTranslation();
  return (
    <ul className="collection-grid">
      {collections.map((board) => (
        <li key={board.id}>
          <Link to={`/collections/${board.id}`} className="collection-tile">
            <div className="collection-cover" aria-hidden="true">
              <StarIcon size={36} />
            </div>
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
