import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { Layout } from './components/layout.tsx';
import { RequireAuth } from './components/require-auth.tsx';
import { CollectionPage } from './pages/collection.tsx';
import { ComposePage } from './pages/compose.tsx';
import { HomePage } from './pages/home.tsx';
import { LogInPage } from './pages/login.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { NotePage } from './pages/note.tsx';
import { NotificationsPage } from './pages/notifications.tsx';
import { ProfilePage } from './pages/profile.tsx';
import { SearchPage } from './pages/search.tsx';
import { SettingsPage } from './pages/settings.tsx';
import { SignUpPage } from './pages/signup.tsx';
import { TopicPage } from './pages/topic.tsx';
import { rewardsRoutes } from './rewards/routes.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network blips and 5xx get one more try.
      retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage feed="discover" /> },
      { path: '/following', element: <HomePage feed="following" /> },
      { path: '/notes/:id', element: <NotePage /> },
      {
        path: '/compose',
        element: (
          <RequireAuth>
            <ComposePage />
          </RequireAuth>
        ),
      },
      {
        path: '/notes/:id/edit',
        element: (
          <RequireAuth>
            <ComposePage />
          </RequireAuth>
        ),
      },
      { path: '/u/:handle', element: <ProfilePage tab="notes" /> },
      { path: '/u/:handle/collections', element: <ProfilePage tab="collections" /> },
      { path: '/collections/:id', element: <CollectionPage /> },
      { path: '/search', element: <SearchPage /> },
      { path: '/topics/:topic', element: <TopicPage /> },
      {
        path: '/notifications',
        element: (
          <RequireAuth>
            <NotificationsPage />
          </RequireAuth>
        ),
      },
      {
        path: '/settings',
        element: (
          <RequireAuth>
            <SettingsPage />
          </RequireAuth>
        ),
      },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/login', element: <LogInPage /> },
      ...rewardsRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
