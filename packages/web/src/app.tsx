import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, type RouteObject, useRoutes } from 'react-router';
import { ApiError } from './api/client.ts';
import { seedFirstScreen } from './api/first-screen.ts';
import { communityRoutes } from './community-routes.tsx';
import { Layout } from './components/layout.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { consoleRoutes, rewardsRoutes } from './rewards/routes.tsx';

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
seedFirstScreen(queryClient);

/**
 * Routes as plain route objects under a BrowserRouter (pages lazy through React.lazy), not a
 * data router: Plaza uses no loaders or actions, and createBrowserRouter would add ~15 kB of
 * compressed script to every first visit (react-router's data layer, measured with esbuild).
 */
const routes: RouteObject[] = [
  // The bank's console has its own frame, none of the Community's chrome.
  ...consoleRoutes,
  {
    element: <Layout />,
    children: [...communityRoutes, ...rewardsRoutes, { path: '*', element: <NotFoundPage /> }],
  },
];

function AppRoutes() {
  return useRoutes(routes);
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
