import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Empty, ErrorBox, Loading } from '../../components/states.tsx';
import { addVersion, editVersion } from '../api/admin.ts';
import type { AdminPlanView, CatalogView } from '../api/admin-types.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { StateBadge } from './state-badge.tsx';
import { useCatalog, useCatalogChanged } from './use-catalog.ts';
import { VersionCard } from './version-card.tsx';
import { draftFromTerms, emptyDraft } from './version-draft.ts';
import { VersionForm } from './version-form.tsx';

/** Loads the catalog and hands the page the plan it is about, or says it is not there. */
function WithPlan({
  planId,
  children,
}: {
  planId: string;
  children: (plan: AdminPlanView, catalog: CatalogView) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  if (catalog.isPending) return <Loading />;
  if (catalog.isError) return <ErrorBox error={catalog.error} onRetry={() => void catalog.refetch()} />;
  const plan = catalog.data.plans.find((p) => p.id === planId);
  if (!plan) return <Empty>{t('rewards.admin.planNotFound')}</Empty>;
  return <>{children(plan, catalog.data)}</>;
}

/** `/rewards/admin/plans/:planId`: the plan's versions, newest first, each with its shelf controls. */
export function PlanPage() {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const { planId = '' } = useParams();
  return (
    <WithPlan planId={planId}>
      {(plan) => (
        <section className="rewards-section" data-testid="admin-plan">
          <Link to="/rewards/admin/plans" className="rewards-back">
            {t('rewards.admin.backToCatalog')}
          </Link>
          <div className="rewards-plan-head">
            <h2 className="rewards-current-name">{name(plan.names)}</h2>
            <StateBadge state={plan.state} />
          </div>
          <Link
            to={`/rewards/admin/plans/${encodeURIComponent(plan.id)}/versions/new`}
            className="btn btn-primary rewards-cta"
          >
            {t('rewards.admin.newVersion')}
          </Link>
          {plan.versions.length === 0 && <Empty>{t('rewards.admin.noVersions')}</Empty>}
          <ul className="rewards-admin-versions">
            {[...plan.versions].reverse().map((v) => (
              <VersionCard key={v.id} version={v} />
            ))}
          </ul>
        </section>
      )}
    </WithPlan>
  );
}

/** `/rewards/admin/plans/:planId/versions/new`: a version started from the plan's latest terms. */
export function NewVersionPage() {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const changed = useCatalogChanged();
  const back = `/rewards/admin/plans/${encodeURIComponent(planId)}`;
  return (
    <WithPlan planId={planId}>
      {(plan) => {
        const latest = plan.versions.at(-1);
        const initial = latest ? { ...draftFromTerms(latest), validFrom: '', validTo: '' } : emptyDraft();
        return (
          <section className="rewards-section">
            <Link to={back} className="rewards-back">
              {t('rewards.admin.backToPlan')}
            </Link>
            <h2 className="section-title">{t('rewards.admin.newVersionOf', { plan: name(plan.names) })}</h2>
            {latest && <p className="muted">{t('rewards.admin.startedFrom', { id: latest.id })}</p>}
            <VersionForm
              initial={initial}
              submitLabel={t('rewards.admin.saveDraft')}
              send={(terms) => addVersion(plan.id, terms)}
              onSaved={async () => {
                await changed();
                await navigate(back);
              }}
            />
          </section>
        );
      }}
    </WithPlan>
  );
}

/** `/rewards/admin/versions/:versionId/edit`: corrections before the version first goes on the shelf. */
export function EditVersionPage() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams();
  const navigate = useNavigate();
  const changed = useCatalogChanged();
  const catalog = useCatalog();
  if (catalog.isPending) return <Loading />;
  if (catalog.isError) return <ErrorBox error={catalog.error} onRetry={() => void catalog.refetch()} />;
  const version = catalog.data.plans.flatMap((p) => p.versions).find((v) => v.id === versionId);
  if (!version) return <Empty>{t('rewards.admin.planNotFound')}</Empty>;
  const back = `/rewards/admin/plans/${encodeURIComponent(version.planId)}`;
  return (
    <section className="rewards-section">
      <Link to={back} className="rewards-back">
        {t('rewards.admin.backToPlan')}
      </Link>
      <h2 className="section-title">{t('rewards.admin.editVersionOf', { id: version.id })}</h2>
      {!version.editable && <p className="rewards-rule-note">{t('rewards.admin.locked')}</p>}
      <VersionForm
        initial={draftFromTerms(version)}
        submitLabel={t('rewards.admin.saveChanges')}
        send={(terms) => editVersion(version.id, terms)}
        onSaved={async () => {
          await changed();
          await navigate(back);
        }}
      />
    </section>
  );
}
