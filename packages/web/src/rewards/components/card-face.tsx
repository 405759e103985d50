import { useTranslation } from 'react-i18next';
import type { CardView } from '../api/types.ts';
import { useLocalText } from '../hooks/use-local-text.ts';

/**
 * The card as a picture: kind, masked number, level and the plan in force today. `compact` is
 * the short strip on the card's own pages, so its sections start within a phone's first screen.
 */
export function CardFace({ card, compact = false }: { card: CardView; compact?: boolean }) {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const plan = card.currentPlan;
  return (
    <div
      className={`card-face card-face-level-${card.level}${compact ? ' card-face-compact' : ''}`}
      data-testid="card-face"
    >
      <div className="card-face-top">
        <span className="card-face-brand">{t('rewards.card.brand')}</span>
        <span className="card-face-kind">{t(`rewards.card.kind.${card.kind}`)}</span>
      </div>
      <div className="card-face-number">
        <span aria-hidden="true">•••• •••• •••• {card.last4}</span>
        <span className="visually-hidden">{t('rewards.card.endingIn', { last4: card.last4 })}</span>
      </div>
      <div className="card-face-bottom">
        <span className="card-face-plan">
          {plan ? name(plan.names) || plan.planId : t('rewards.card.noPlan')}
        </span>
        <span className="card-face-level">
          {t(card.levelFrom === 'primary' ? 'rewards.card.levelOfPrimary' : 'rewards.card.level', {
            level: card.level,
          })}
        </span>
      </div>
    </div>
  );
}
