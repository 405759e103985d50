import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminPlanView, ShelfWarning } from '../api/admin-types.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatCalendarDate } from '../lib/format.ts';
import './warning.css';

/**
 * Plans about to leave the shelf with nothing after them (30 days ahead): once they go,
 * cardholders can no longer switch to them, so the bank sees it before it happens.
 */
export function ShelfWarnings({ warnings, plans }: { warnings: ShelfWarning[]; plans: AdminPlanView[] }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  if (warnings.length === 0) return null;
  const planName = (id: string) => {
    const plan = plans.find((p) => p.id === id);
    return plan ? name(plan.names) : id;
  };
  return (
    <div className="notice rewards-admin-warning" role="status" data-testid="shelf-warnings">
      <p className="rewards-admin-warning-title">{t('rewards.admin.shelfWarningsTitle')}</p>
      <ul>
        {warnings.map((w) => (
          <li key={w.planId} data-plan={w.planId}>
            <Link to={`/rewards/admin/plans/${encodeURIComponent(w.planId)}`}>
              {t('rewards.admin.shelfWarning', {
                plan: planName(w.planId),
                date: formatCalendarDate(w.lastDay, i18n.language),
                version: w.versionId,
              })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
