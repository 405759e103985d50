import { Navigate, type RouteObject } from 'react-router';
import { lazyPage } from '../lazy-page.tsx';
import type { ScreenName } from './screens.tsx';

/** A route whose component comes from the Rewards chunk, fetched on first use (React.lazy). */
const screen = (name: ScreenName): Pick<RouteObject, 'element'> => ({
  element: lazyPage(async () => (await import('./screens.tsx')).screens[name]),
});

/** The card app under `/rewards` (signed-in holders), inside the Community's frame. */
export const rewardsRoutes: RouteObject[] = [
  { path: '/rewards', ...screen('cards') },
  {
    path: '/rewards/cards/:cardId',
    ...screen('card'),
    children: [
      { index: true, ...screen('overview') },
      { path: 'plans', ...screen('plans') },
      { path: 'transactions', ...screen('transactions') },
      { path: 'points', ...screen('points') },
      { path: 'history', ...screen('history') },
    ],
  },
];

/** The bank's console under `/rewards/admin`, in a frame of its own (`admin/console-frame.tsx`). */
export const consoleRoutes: RouteObject[] = [
  {
    path: '/rewards/admin',
    ...screen('admin'),
    children: [
      { index: true, element: <Navigate to="/rewards/admin/plans" replace /> },
      { path: 'plans', ...screen('catalog') },
      { path: 'plans/:planId', ...screen('plan') },
      { path: 'plans/:planId/versions/new', ...screen('newVersion') },
      { path: 'versions/:versionId/edit', ...screen('editVersion') },
      { path: 'preview', ...screen('preview') },
      { path: 'merchants', ...screen('merchants') },
      { path: 'calendar', ...screen('calendar') },
      { path: 'calendar/:year', ...screen('calendar') },
      { path: 'cards', ...screen('adminCards') },
      { path: 'cards/:cardRef', ...screen('adminCards') },
    ],
  },
];
