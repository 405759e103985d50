import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
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

const router = createBrowserRouter([
  // The bank's console has its own frame, none of the Community's chrome.
  ...consoleRoutes,
  {
    element: <Layout />,
    children: [...communityRoutes, ...rewardsRoutes, { path: '*', element: <NotFoundPage /> }],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
