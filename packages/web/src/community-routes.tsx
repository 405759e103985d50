import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from './components/require-auth.tsx';
import { lazyPage } from './lazy-page.tsx';
import { HomePage } from './pages/home.tsx';

type PageLoader = () => Promise<ComponentType>;

/**
 * A page fetched the first time a reader opens it: the feed is what most visits start on, so
 * only it ships in the first download; compose, settings, search and the rest follow on demand.
 */
const page = (path: string, load: PageLoader): RouteObject => ({ path, element: lazyPage(load) });

/** The same, for pages that need a signed-in reader. */
const signedInPage = (path: string, load: PageLoader): RouteObject =>
  page(path, async () => {
    const Page = await load();
    return () => (
      <RequireAuth>
        <Page />
      </RequireAuth>
    );
  });

const compose = async () => (await import('./pages/compose.tsx')).ComposePage;
const profile = (tab: 'notes' | 'collections') => async () => {
  const { ProfilePage } = await import('./pages/profile.tsx');
  return () => <ProfilePage tab={tab} />;
};

/** Plaza Community's pages, inside the shared layout. */
export const communityRoutes: RouteObject[] = [
  { path: '/', element: <HomePage feed="discover" /> },
  { path: '/following', element: <HomePage feed="following" /> },
  page('/notes/:id', async () => (await import('./pages/note.tsx')).NotePage),
  signedInPage('/compose', compose),
  signedInPage('/notes/:id/edit', compose),
  page('/u/:handle', profile('notes')),
  page('/u/:handle/collections', profile('collections')),
  page('/collections/:id', async () => (await import('./pages/collection.tsx')).CollectionPage),
  page('/search', async () => (await import('./pages/search.tsx')).SearchPage),
  page('/topics/:topic', async () => (await import('./pages/topic.tsx')).TopicPage),
  signedInPage('/notifications', async () => (await import('./pages/notifications.tsx')).NotificationsPage),
  signedInPage('/settings', async () => (await import('./pages/settings.tsx')).SettingsPage),
  page('/signup', async () => (await import('./pages/signup.tsx')).SignUpPage),
  page('/login', async () => (await import('./pages/login.tsx')).LogInPage),
];
