import { useTranslation } from 'react-i18next';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { Empty, ErrorBox, Loading } from '../../components/states.tsx';
import { Tabs } from '../../components/tabs.tsx';
import { useSectionTitle } from '../../i18n/page-title.ts';
import type { CardView } from '../api/types.ts';
import { CardFace } from '../components/card-face.tsx';
import { useCard } from '../hooks/use-cards.ts';

/** What every card tab gets from the layout: the card as the API last answered it. */
export const useCardOutlet = () => useOutletContext<CardView>();

/** `/rewards/cards/:cardId/*`: the card on top, its sections as tabs below. */
export function CardLayout() {
  const { t } = useTranslation();
  const { cardId = '' } = useParams();
  const card = useCard(cardId);
  useSectionTitle(
    `/rewards/cards/${cardId}`,
    {
      plans: t('titles.plans'),
      transactions: t('titles.transactions'),
      points: t('titles.points'),
      history: t('titles.history'),
    },
    t('titles.card'),
  );
  if (card.isPending) return <Loading />;
  if (card.isError) {
    if (card.error instanceof ApiError && card.error.status === 404)
      return (
        <Empty>
          <p>{t('rewards.card.notFound')}</p>
          <Link to="/rewards" className="btn btn-primary">
            {t('rewards.cards.back')}
          </Link>
        </Empty>
      );
    return <ErrorBox error={card.error} onRetry={() => void card.refetch()} />;
  }
  const base = `/rewards/cards/${card.data.id}`;
  return (
    <div className="page page-narrow rewards">
      <Link to="/rewards" className="rewards-back">
        {t('rewards.cards.back')}
      </Link>
      <h1 className="visually-hidden">{t('rewards.card.endingIn', { last4: card.data.last4 })}</h1>
      <CardFace card={card.data} compact />
      <Tabs
        label={t('rewards.card.sections')}
        tabs={[
          { to: base, label: t('rewards.tabs.overview') },
          { to: `${base}/plans`, label: t('rewards.tabs.plans') },
          { to: `${base}/transactions`, label: t('rewards.tabs.transactions') },
          { to: `${base}/points`, label: t('rewards.tabs.points') },
          { to: `${base}/history`, label: t('rewards.tabs.history') },
        ]}
      />
      <Outlet context={card.data} />
    </div>
  );
}
