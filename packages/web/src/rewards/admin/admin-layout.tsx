import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Tabs } from '../../components/tabs.tsx';
import { useSectionTitle } from '../../i18n/page-title.ts';

/** `/rewards/admin/*`: the console's sections as tabs. */
export function AdminLayout() {
  const { t } = useTranslation();
  useSectionTitle(
    '/rewards/admin',
    {
      plans: t('titles.plans'),
      versions: t('titles.plans'),
      preview: t('titles.preview'),
      merchants: t('titles.merchants'),
      calendar: t('titles.calendar'),
      cards: t('titles.adminCards'),
    },
    t('titles.admin'),
  );
  return (
    <div className="page rewards rewards-admin">
      <h1 className="page-title">{t('rewards.admin.title')}</h1>
      <Tabs
        label={t('rewards.admin.sections')}
        tabs={[
          { to: '/rewards/admin/plans', label: t('rewards.admin.tabs.catalog'), end: false },
          { to: '/rewards/admin/cards', label: t('rewards.admin.tabs.cards'), end: false },
          { to: '/rewards/admin/merchants', label: t('rewards.admin.tabs.merchants') },
          { to: '/rewards/admin/calendar', label: t('rewards.admin.tabs.calendar'), end: false },
          { to: '/rewards/admin/preview', label: t('rewards.admin.tabs.preview') },
        ]}
      />
      <Outlet />
    </div>
  );
}
