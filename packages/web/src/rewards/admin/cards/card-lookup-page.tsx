import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { Empty, ErrorBox, Loading } from '../../../components/states.tsx';
import { CardFlags } from './card-flags.tsx';
import { CardLevel } from './card-level.tsx';
import { CardSearchPage } from './card-search-page.tsx';
import { CardSelections } from './card-selections.tsx';
import { CardSummary } from './card-summary.tsx';
import { useAdminCard } from './use-admin-card.ts';

/**
 * `/rewards/admin/cards`: the search and list of cards; `/rewards/admin/cards/:cardRef` (an id or
 * network token): its holder, level and flags with the decisions behind them, and the forms to
 * change them.
 */
export function CardLookupPage() {
  const { t } = useTranslation();
  const { cardRef = '' } = useParams();
  if (!cardRef) return <CardSearchPage />;
  return (
    <section className="rewards-section">
      <Link to="/rewards/admin/cards" className="console-back" data-testid="card-back">
        {t('rewards.admin.cardSearch.backToList')}
      </Link>
      <CardDetails cardRef={cardRef} />
    </section>
  );
}

const LOOKUP_MISSES = new Set(['not_found', 'validation_failed']);

function CardDetails({ cardRef }: { cardRef: string }) {
  const { t } = useTranslation();
  const card = useAdminCard(cardRef);
  if (card.isPending) return <Loading />;
  if (card.isError) {
    // A mistyped id or token is the usual miss (one too long to be either is refused as invalid):
    // say so in the console's words rather than a bare "Not found".
    if (card.error instanceof ApiError && LOOKUP_MISSES.has(card.error.code))
      return (
        <Empty>
          <span data-testid="admin-card-not-found">{t('rewards.admin.cards.notFound')}</span>
        </Empty>
      );
    return <ErrorBox error={card.error} onRetry={() => void card.refetch()} />;
  }
  return (
    <div className="rewards-admin-card" data-testid="admin-card" data-card={card.data.id}>
      <CardSummary card={card.data} />
      <CardLevel card={card.data} />
      <CardFlags card={card.data} />
      <CardSelections card={card.data} />
    </div>
  );
}
