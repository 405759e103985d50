import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { FormFooter, TextField } from '../../../components/field.tsx';
import { Empty, ErrorBox, Loading } from '../../../components/states.tsx';
import { CardFlags } from './card-flags.tsx';
import { CardLevel } from './card-level.tsx';
import { CardSelections } from './card-selections.tsx';
import { CardSummary } from './card-summary.tsx';
import { useAdminCard } from './use-admin-card.ts';

/**
 * `/rewards/admin/cards` and `/rewards/admin/cards/:cardRef`: find a card by id or network token,
 * then its holder, level and flags with the decisions behind them, and the forms to change them.
 */
export function CardLookupPage() {
  const { cardRef = '' } = useParams();
  return (
    <section className="rewards-section">
      <LookupForm key={cardRef} initial={cardRef} />
      {cardRef && <CardDetails cardRef={cardRef} />}
    </section>
  );
}

function LookupForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [ref, setRef] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = ref.trim();
    setEmpty(!wanted);
    if (wanted) void navigate(`/rewards/admin/cards/${encodeURIComponent(wanted)}`);
  };
  return (
    <form className="card rewards-admin-form" onSubmit={submit} noValidate data-testid="card-lookup">
      <h2 className="section-title">{t('rewards.admin.cards.lookupTitle')}</h2>
      <TextField
        label={t('rewards.admin.cards.lookupLabel')}
        hint={t('rewards.admin.cards.lookupHint')}
        name="cardRef"
        autoCapitalize="none"
        spellCheck={false}
        value={ref}
        onChange={setRef}
        error={empty ? t('rewards.admin.cards.lookupEmpty') : undefined}
      />
      <FormFooter error={null} submitLabel={t('rewards.admin.cards.lookup')} disabled={false} />
    </form>
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
