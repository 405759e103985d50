import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DISCOVER_KEY, discoverFeed, followingFeed } from '../api/feeds.ts';
import { NoteGrid } from '../components/note-grid.tsx';
import { Empty, Loading } from '../components/states.tsx';
import { Tabs } from '../components/tabs.tsx';
import { useMe } from '../hooks/use-me.ts';
import { usePageTitle } from '../i18n/page-title.ts';

/** The home screen: Discover and Following as two tabs over one grid. */
export function HomePage({ feed }: { feed: 'discover' | 'following' }) {
  const { t } = useTranslation();
  usePageTitle(t(feed === 'discover' ? 'titles.discover' : 'titles.following'));
  const { me, loading } = useMe();
  const tabs = [
    { to: '/', label: t('nav.discover') },
    { to: '/following', label: t('nav.following') },
  ];
  return (
    <div className="page page-wide">
      <h1 className="visually-hidden">{feed === 'discover' ? t('nav.discover') : t('nav.following')}</h1>
      {/* Phones only: a desktop has the same switch in its top bar (styles/social.css). */}
      <div className="home-feed-switch">
        <Tabs tabs={tabs} label={t('feed.tabs')} />
      </div>
      {feed === 'discover' && (
        <NoteGrid queryKey={DISCOVER_KEY} fetchPage={discoverFeed} empty={t('feed.discoverEmpty')} />
      )}
      {feed === 'following' && loading && <Loading />}
      {feed === 'following' && !loading && !me && (
        <Empty>
          <p>{t('feed.followingSignedOut')}</p>
          <Link to="/login?next=/following" className="btn btn-primary">
            {t('nav.logIn')}
          </Link>
        </Empty>
      )}
      {feed === 'following' && me && (
        <NoteGrid
          queryKey={['feed', 'following', me.id]}
          fetchPage={followingFeed}
          empty={
            <>
              <p>{t('feed.followingEmpty')}</p>
              <Link to="/" className="btn btn-outline">
                {t('nav.discover')}
              </Link>
            </>
          }
        />
      )}
    </div>
  );
}
