import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useSectionTitle } from '../../i18n/page-title.ts';
import { ConsoleFrame, sectionOf } from './console-frame.tsx';

/** `/rewards/admin/*`: the console's frame, the section's name as the page's heading, the section. */
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
  const section = sectionOf(useLocation().pathname);
  return (
    <ConsoleFrame withNav>
      <div className="page rewards rewards-admin">
        <h1 className="page-title">
          {section ? t(`rewards.admin.tabs.${section}`) : t('rewards.admin.title')}
        </h1>
        <Outlet />
      </div>
    </ConsoleFrame>
  );
}
