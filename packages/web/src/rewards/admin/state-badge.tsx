import { useTranslation } from 'react-i18next';
import type { PlanState, VersionState } from '../api/admin-types.ts';

/** A plan's or version's shelf state as a coloured badge. */
export function StateBadge({ state }: { state: PlanState | VersionState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-state badge-state-${state}`} data-state={state}>
      {t(`rewards.admin.state.${state}`)}
    </span>
  );
}
