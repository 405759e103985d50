import { RequireAuth } from '../components/require-auth.tsx';
import { AdminLayout } from './admin/admin-layout.tsx';
import { CalendarPage } from './admin/calendar/calendar-page.tsx';
import { CardLookupPage } from './admin/cards/card-lookup-page.tsx';
import { CatalogPage } from './admin/catalog-page.tsx';
import { MerchantsPage } from './admin/merchants/merchants-page.tsx';
import { EditVersionPage, NewVersionPage, PlanPage } from './admin/plan-page.tsx';
import { PreviewPage } from './admin/preview-page.tsx';
import { RequireAdmin } from './admin/require-admin.tsx';
import { registerRewardsCatalogs } from './locales/register.ts';
import { CardLayout } from './pages/card-layout.tsx';
import { CardsPage } from './pages/cards-page.tsx';
import { HistoryPage } from './pages/history-page.tsx';
import { OverviewPage } from './pages/overview-page.tsx';
import { PlansPage } from './pages/plans-page.tsx';
import { PointsPage } from './pages/points-page.tsx';
import { TransactionsPage } from './pages/transactions-page.tsx';
import './styles/card-app.css';
import './styles/points.css';
import './styles/admin.css';

registerRewardsCatalogs();

/**
 * Every Rewards screen, loaded as one chunk the first time a reader opens `/rewards`: Community
 * readers never download the card app or the console.
 */
export const screens = {
  cards: () => (
    <RequireAuth>
      <CardsPage />
    </RequireAuth>
  ),
  card: () => (
    <RequireAuth>
      <CardLayout />
    </RequireAuth>
  ),
  overview: OverviewPage,
  plans: PlansPage,
  transactions: TransactionsPage,
  points: PointsPage,
  history: HistoryPage,
  admin: () => (
    <RequireAdmin>
      <AdminLayout />
    </RequireAdmin>
  ),
  catalog: CatalogPage,
  plan: PlanPage,
  newVersion: NewVersionPage,
  editVersion: EditVersionPage,
  preview: PreviewPage,
  merchants: MerchantsPage,
  calendar: CalendarPage,
  adminCards: CardLookupPage,
};

export type ScreenName = keyof typeof screens;
