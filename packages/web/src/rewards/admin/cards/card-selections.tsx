import { useTranslation } from 'react-i18next';
import type { AdminCardView } from '../../api/admin-card-types.ts';
import { useLocalText } from '../../hooks/use-local-text.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useCatalog } from '../use-catalog.ts';
import { HistoryTable } from './history-table.tsx';

/** The plans chosen for the card, newest first, named as the catalog names them. */
export function CardSelections({ card }: { card: AdminCardView }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const plans = useCatalog().data?.plans ?? [];
  const rows = [...card.selections]
    .reverse()
    .map((s): [string, ...string[]] => [
      `${s.selectedAt}-${s.planId}`,
      formatCalendarDate(s.taipeiDate, i18n.language),
      name(plans.find((p) => p.id === s.planId)?.names) || s.planId,
    ]);
  return (
    <section className="card rewards-admin-form" data-testid="card-selections-section">
      <HistoryTable
        title={t('rewards.admin.cards.selections')}
        headers={[t('rewards.admin.cards.date'), t('rewards.admin.cards.plan')]}
        rows={rows}
        empty={t('rewards.admin.cards.noSelections')}
        testId="card-selections"
      />
    </section>
  );
}
