import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { accountCollections, accountNotes, getProfile } from '../api/accounts.ts';
import { CollectionGrid } from '../components/collection-grid.tsx';
import { NoteGrid } from '../components/note-grid.tsx';
import { ProfileHeader } from '../components/profile-header.tsx';
import { Empty, ErrorBox, Loading } from '../components/states.tsx';
import { Tabs } from '../components/tabs.tsx';
import { usePageTitle } from '../i18n/page-title.ts';
import { isMissing } from './missing.ts';

/** `/u/:handle` (notes) and `/u/:handle/collections`. */
export function ProfilePage({ tab }: { tab: 'notes' | 'collections' }) {
  const { t } = useTranslation();
  const { handle = '' } = useParams();
  const profile = useQuery({ queryKey: ['profile', handle], queryFn: () => getProfile(handle) });
  usePageTitle(profile.isError ? t('titles.notFound') : profile.data?.displayName);
  if (profile.isPending) return <Loading />;
  if (profile.isError) {
    if (isMissing(profile.error)) return <Empty>{t('profile.notFound')}</Empty>;
    return <ErrorBox error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const base = `/u/${encodeURIComponent(handle)}`;
  return (
    <div className="page page-wide">
      <ProfileHeader profile={profile.data} />
      <Tabs
        label={t('nav.me')}
        tabs={[
          { to: base, label: t('profile.tabNotes') },
          { to: `${base}/collections`, label: t('profile.tabCollections') },
        ]}
      />
      {tab === 'notes' ? (
        <NoteGrid
          queryKey={['account-notes', handle]}
          fetchPage={(cursor) => accountNotes(handle, cursor)}
          empty={t('profile.noNotes')}
        />
      ) : (
        <Collections handle={handle} />
      )}
    </div>
  );
}

function Collections({ handle }: { handle: string }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['collections', handle], queryFn: () => accountCollections(handle) });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorBox error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <Empty>{t('profile.noCollections')}</Empty>;
  return <CollectionGrid collections={list.data.items} />;
}
