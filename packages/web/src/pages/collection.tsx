import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getCollection } from '../api/accounts.ts';
import { Avatar } from '../components/avatar.tsx';
import { NoteGrid } from '../components/note-grid.tsx';
import { Empty, ErrorBox, Loading } from '../components/states.tsx';
import { usePageTitle } from '../i18n/page-title.ts';
import { isMissing } from './missing.ts';

/** A board: its name, owner and notes. */
export function CollectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const board = useQuery({ queryKey: ['collection', id], queryFn: () => getCollection(id) });
  usePageTitle(board.isError ? t('titles.notFound') : board.data?.name);
  if (board.isPending) return <Loading />;
  if (board.isError) {
    if (isMissing(board.error, [403, 404])) return <Empty>{t('collection.notFound')}</Empty>;
    return <ErrorBox error={board.error} onRetry={() => void board.refetch()} />;
  }
  const { name, description, owner, noteCount } = board.data;
  return (
    <div className="page page-wide">
      <header className="collection-header">
        <h1 className="page-title">{name}</h1>
        {description && <p>{description}</p>}
        <p className="muted collection-byline">
          <Link to={`/u/${encodeURIComponent(owner.handle)}`} className="author-chip">
            <Avatar name={owner.displayName || owner.handle} url={owner.avatarUrl} size={20} />
            <span>{owner.displayName || owner.handle}</span>
          </Link>
          <span>{t('collection.notes', { count: noteCount })}</span>
          {board.data.private && <span className="badge">{t('collection.private')}</span>}
        </p>
      </header>
      <NoteGrid
        queryKey={['collection-notes', id]}
        fetchPage={async (cursor) => (cursor ? (await getCollection(id, cursor)).notes : board.data.notes)}
        empty={t('collection.empty')}
      />
    </div>
  );
}
