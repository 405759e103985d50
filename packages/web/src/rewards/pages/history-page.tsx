import { useTranslation } from 'react-i18next';
import { Empty, ErrorBox, Loading } from '../../components/states.tsx';
import { usePlanHistory, usePlans } from '../hooks/use-cards.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatCalendarDate, formatTaipeiDateTime } from '../lib/format.ts';
import { useCardOutlet } from './card-layout.tsx';

/** `/rewards/cards/:cardId/history`: every plan selection, newest first (the API keeps them all). */
export function HistoryPage() {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const lang = i18n.language;
  const card = useCardOutlet();
  const history = usePlanHistory(card.id);
  const plans = usePlans();
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorBox error={history.error} onRetry={() => void history.refetch()} />;
  const names = new Map((plans.data?.items ?? []).map((p) => [p.id, p.names]));
  const items = [...history.data.items].reverse();
  return (
    <section className="rewards-section">
      {history.data.decidedByCardId !== card.id && (
        <p className="rewards-rule-note">{t('rewards.history.followsPrimary')}</p>
      )}
      {items.length === 0 ? (
        <Empty>{t('rewards.history.empty')}</Empty>
      ) : (
        <ol className="rewards-timeline" data-testid="plan-history">
          {items.map((item) => (
            <li key={item.taipeiDate} className="rewards-timeline-item">
              <span className="rewards-timeline-plan">{name(names.get(item.planId)) || item.planId}</span>
              <span>{t('rewards.history.from', { date: formatCalendarDate(item.taipeiDate, lang) })}</span>
              <span className="muted">
                {t('rewards.history.selectedAt', { when: formatTaipeiDateTime(item.selectedAt, lang) })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
