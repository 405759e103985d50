import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireAuth } from '../../components/require-auth.tsx';
import { Empty } from '../../components/states.tsx';
import { useMe } from '../../hooks/use-me.ts';
import { ConsoleFrame } from './console-frame.tsx';

/**
 * The bank's console is for the admin role only. Anyone else signed in is told so plainly (the
 * API would refuse them anyway), inside the bank's frame without its sections; signed-out readers
 * go to log in first.
 */
export function RequireAdmin({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <AdminOnly>{children}</AdminOnly>
    </RequireAuth>
  );
}

function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useMe();
  if (me?.role !== 'admin')
    return (
      <ConsoleFrame withNav={false}>
        <Empty>
          <div className="rewards-not-allowed" data-testid="admin-not-allowed">
            <h1 className="page-title">{t('rewards.admin.notAllowedTitle')}</h1>
            <p>{t('rewards.admin.notAllowed')}</p>
          </div>
          <Link to="/rewards" className="btn btn-primary">
            {t('rewards.admin.toCardApp')}
          </Link>
        </Empty>
      </ConsoleFrame>
    );
  return <>{children}</>;
}
