import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBox, Loading } from '../../components/states.tsx';
import { ChannelList } from '../components/channel-list.tsx';
import { PointsBalance } from '../components/points-balance.tsx';
import { SwitchRule } from '../components/switch-rule.tsx';
import { usePlans } from '../hooks/use-cards.ts';
import { usePoints } from '../hooks/use-ledger.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatCalendarDate, formatRate } from '../lib/format.ts';
import { useCardOutlet } from './card-layout.tsx';

/** `/rewards/cards/:cardId`: the plan in force today and what it earns where. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const lang = i18n.language;
  const card = useCardOutlet();
  const plans = usePlans();
  const current = card.currentPlan;
  const onShelf = plans.data?.items.find((p) => p.id === current?.planId);
  return (
    <section className="rewards-section">
      <BalanceCard cardId={card.id} />
      <div className="card rewards-current" data-testid="current-plan">
        <p className="muted">{t('rewards.overview.currentPlan')}</p>
        <h2 className="rewards-current-name">
          {current ? name(current.names) || current.planId : t('rewards.card.noPlan')}
        </h2>
        {current && (
          <p className="muted">
            {t('rewards.overview.since', { date: formatCalendarDate(current.since, lang) })}
          </p>
        )}
        {card.levelFrom === 'primary' && (
          <p className="rewards-rule-note" data-testid="earns-at-primary-level">
            {t('rewards.overview.earnsAtPrimaryLevel', { level: card.level })}
          </p>
        )}
        {card.pendingLevel && (
          <p className="rewards-rule-note">
            {t(
              card.levelFrom === 'primary'
                ? 'rewards.overview.pendingPrimaryLevel'
                : 'rewards.overview.pendingLevel',
              {
                level: card.pendingLevel.level,
                date: formatCalendarDate(card.pendingLevel.from, lang),
              },
            )}
          </p>
        )}
        {plans.isPending && <Loading />}
        {plans.isError && <ErrorBox error={plans.error} onRetry={() => void plans.refetch()} />}
        {onShelf && plans.data && (
          <ChannelList
            channels={onShelf.version.channels}
            caps={onShelf.version.caps}
            level={card.level}
            generalRateBps={plans.data.generalRateBps}
          />
        )}
        {current && plans.isSuccess && !onShelf && <p className="muted">{t('rewards.overview.offShelf')}</p>}
        {!current && plans.data && (
          <p className="muted">
            {t('rewards.overview.generalOnly', {
              rate: formatRate(plans.data.generalRateBps, lang),
            })}
          </p>
        )}
      </div>
      <div className="card rewards-switch-cta">
        <SwitchRule card={card} />
        {card.kind === 'primary' && (
          <Link to={`/rewards/cards/${card.id}/plans`} className="btn btn-primary">
            {t('rewards.overview.changePlan')}
          </Link>
        )}
      </div>
    </section>
  );
}

/** The points at a glance, linking to their history. */
function BalanceCard({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const { balance } = usePoints(cardId);
  if (!balance) return null;
  return (
    <Link to={`/rewards/cards/${cardId}/points`} className="card rewards-balance-link">
      <PointsBalance balance={balance} />
      <span className="rewards-more-link">{t('rewards.points.seeHistory')}</span>
    </Link>
  );
}
