import { useTranslation } from 'react-i18next';
import type { CardView } from '../api/types.ts';
import { formatTaipeiDateTime } from '../lib/format.ts';

/**
 * The once-a-day rule, said before it bites: what a change today means, or why the card cannot
 * change now and from when it can. Just after the reader's own switch it says only when the
 * next change is possible: "you already changed" beside "switched" reads as an error.
 */
export function SwitchRule({ card, justSwitched = false }: { card: CardView; justSwitched?: boolean }) {
  const { t, i18n } = useTranslation();
  if (card.kind === 'supplementary')
    return (
      <p className="rewards-rule-note" data-testid="switch-rule" data-state="supplementary">
        {t('rewards.switch.supplementary')}
      </p>
    );
  if (card.canSwitchNow)
    return (
      <p className="rewards-rule-note" data-testid="switch-rule" data-state="open">
        {t('rewards.switch.ruleOpen')}
      </p>
    );
  const when = card.nextSwitchAt === null ? '' : formatTaipeiDateTime(card.nextSwitchAt, i18n.language);
  if (justSwitched)
    return (
      <p className="rewards-rule-note" data-testid="switch-rule" data-state="closed">
        {t('pages.switch.nextChange', { when })}
      </p>
    );
  return (
    <p className="rewards-rule-note rewards-rule-closed" data-testid="switch-rule" data-state="closed">
      {t('rewards.switch.ruleClosed', { when })}
    </p>
  );
}
