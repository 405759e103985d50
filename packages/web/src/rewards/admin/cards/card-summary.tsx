import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminCardView } from '../../api/admin-card-types.ts';
import { useLocalText } from '../../hooks/use-local-text.ts';
import { formatCalendarDate, formatTaipeiDate } from '../../lib/format.ts';

/** Who holds the card and how it stands today: kind, level (and a decided change), plan. */
export function CardSummary({ card }: { card: AdminCardView }) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const lang = i18n.language;
  const pending = card.pendingLevel;
  return (
    <section className="card rewards-admin-form" data-testid="card-summary">
      <h2 className="section-title">{t('rewards.card.endingIn', { last4: card.last4 })}</h2>
      <dl className="rewards-admin-facts">
        <Fact label={t('rewards.admin.cards.holder')} testId="card-holder">
          {card.holderHandle ? (
            <Link to={`/u/${encodeURIComponent(card.holderHandle)}`}>@{card.holderHandle}</Link>
          ) : (
            t('rewards.admin.cards.holderDeleted')
          )}
        </Fact>
        <Fact label={t('rewards.admin.cards.kind')}>
          {t(`rewards.card.kind.${card.kind}`)}
          {card.primaryCardId && (
            <>
              {' · '}
              <Link to={`/rewards/admin/cards/${encodeURIComponent(card.primaryCardId)}`}>
                {t('rewards.admin.cards.primaryCard')}
              </Link>
            </>
          )}
        </Fact>
        <Fact label={t('rewards.admin.cards.levelToday')} testId="card-level">
          {t('rewards.card.level', { level: card.level })}
          {pending && (
            <span className="muted" data-testid="card-pending-level">
              {' · '}
              {t('rewards.admin.cards.pendingLevel', {
                level: pending.level,
                date: formatCalendarDate(pending.from, lang),
              })}
            </span>
          )}
        </Fact>
        <Fact label={t('rewards.admin.cards.currentPlan')}>
          {card.currentPlan
            ? name(card.currentPlan.names) || card.currentPlan.planId
            : t('rewards.admin.cards.noPlan')}
        </Fact>
        <Fact label={t('rewards.admin.cards.birthMonth')}>
          {card.birthMonth ?? t('rewards.admin.cards.unknown')}
        </Fact>
        <Fact label={t('rewards.admin.cards.issued')}>{formatTaipeiDate(card.createdAt, lang)}</Fact>
        <Fact label={t('rewards.admin.cards.token')}>
          <code>{card.token}</code>
        </Fact>
        <Fact label={t('rewards.admin.cards.cardId')}>
          <code>{card.id}</code>
        </Fact>
      </dl>
    </section>
  );
}

function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div className="rewards-admin-fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
