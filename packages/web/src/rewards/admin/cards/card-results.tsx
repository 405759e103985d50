import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalText } from '../../hooks/use-local-text.ts';
import type { CardListItem } from './card-search-api.ts';

/** The cards a search found, each a link to the card's page in the console. */
export function CardResults({ items }: { items: CardListItem[] }) {
  return (
    <ul className="console-card-list" data-testid="card-results">
      {items.map((card) => (
        <li key={card.id}>
          <CardResult card={card} />
        </li>
      ))}
    </ul>
  );
}

function CardResult({ card }: { card: CardListItem }) {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const { handle, displayName } = card.holder;
  return (
    <Link
      to={`/rewards/admin/cards/${encodeURIComponent(card.id)}`}
      className="card console-card-result"
      data-testid="card-result"
      data-card={card.id}
    >
      <span className="console-card-number">
        {t('rewards.admin.cardSearch.endingIn', { last4: card.last4 })}
      </span>
      <span className="console-card-holder">
        {handle === null ? (
          t('rewards.admin.cards.holderDeleted')
        ) : (
          <>
            {displayName && <strong>{displayName} </strong>}
            <span>@{handle}</span>
          </>
        )}
      </span>
      <span className="console-card-facts">
        <span>{t(`rewards.card.kind.${card.kind}`)}</span>
        <span>{t('rewards.admin.cardSearch.levelN', { level: card.level })}</span>
        <span>
          {card.plan ? name(card.plan.names) || card.plan.planId : t('rewards.admin.cardSearch.noPlan')}
        </span>
      </span>
    </Link>
  );
}
