import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBox, Loading } from '../../components/states.tsx';
import type { AdminPlanView } from '../api/admin-types.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatCalendarDate, formatRate } from '../lib/format.ts';
import { NewPlanForm } from './new-plan-form.tsx';
import { ShelfWarnings } from './shelf-warnings.tsx';
import { StateBadge } from './state-badge.tsx';
import { useCatalog } from './use-catalog.ts';
import { windowEndText } from './window-end.ts';

/** `/rewards/admin/plans`: every plan with its shelf state and versions; a new plan at the end. */
export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const catalog = useCatalog();
  if (catalog.isPending) return <Loading />;
  if (catalog.isError) return <ErrorBox error={catalog.error} onRetry={() => void catalog.refetch()} />;
  const { data } = catalog;
  return (
    <section className="rewards-section">
      <p className="muted">
        {t('rewards.admin.catalogIntro', {
          rate: formatRate(data.generalRateBps, i18n.language),
          date: t(`rewards.admin.selectionDate.${data.planSelectionDate}`),
        })}
      </p>
      <ShelfWarnings warnings={data.shelfWarnings} plans={data.plans} />
      <ul className="rewards-admin-plans" data-testid="admin-catalog">
        {data.plans.map((plan) => (
          <PlanRow key={plan.id} plan={plan} />
        ))}
      </ul>
      <NewPlanForm />
    </section>
  );
}

function PlanRow({ plan }: { plan: AdminPlanView }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const lang = i18n.language;
  return (
    <li data-plan={plan.id}>
      <Link to={`/rewards/admin/plans/${encodeURIComponent(plan.id)}`} className="card rewards-admin-plan">
        <div className="rewards-plan-head">
          <h2 className="section-title">{name(plan.names)}</h2>
          <StateBadge state={plan.state} />
        </div>
        <p className="muted">
          <code>{plan.id}</code> · {t('rewards.admin.versionCount', { count: plan.versions.length })}
        </p>
        <ul className="rewards-admin-version-strip">
          {plan.versions.map((v) => (
            <li key={v.id} data-state={v.state}>
              <StateBadge state={v.state} />{' '}
              <span>
                {t('rewards.admin.window', {
                  from: formatCalendarDate(v.validFrom, lang),
                  to: windowEndText(t, v.validTo, lang),
                })}
              </span>
            </li>
          ))}
        </ul>
      </Link>
    </li>
  );
}
