import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, ErrorBox, Loading } from '../../components/states.tsx';
import { useMe } from '../../hooks/use-me.ts';
import { usePageTitle } from '../../i18n/page-title.ts';
import { CardFace } from '../components/card-face.tsx';
import { useCards } from '../hooks/use-cards.ts';

/** `/rewards`: the holder's cards; each opens its own page. */
export function CardsPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.cards'));
  const cards = useCards();
  const { me } = useMe();
  return (
    <div className="page page-narrow rewards">
      <h1 className="page-title">{t('rewards.cards.title')}</h1>
      {cards.isPending && <Loading />}
      {cards.isError && <ErrorBox error={cards.error} onRetry={() => void cards.refetch()} />}
      {cards.isSuccess && cards.data.items.length === 0 && (
        <Empty>
          <p>{t('rewards.cards.none')}</p>
        </Empty>
      )}
      <ul className="rewards-card-list">
        {cards.data?.items.map((card) => (
          <li key={card.id}>
            <Link to={`/rewards/cards/${card.id}`} className="rewards-card-link">
              <CardFace card={card} />
            </Link>
          </li>
        ))}
      </ul>
      {me?.role === 'admin' && (
        <Link to="/rewards/admin" className="btn btn-outline rewards-cta">
          {t('rewards.admin.title')}
        </Link>
      )}
    </div>
  );
}
