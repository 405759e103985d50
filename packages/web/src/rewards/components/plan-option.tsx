import { useTranslation } from 'react-i18next';
import type { CardView, PlanChoice, PlanView } from '../api/types.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatCalendarDate } from '../lib/format.ts';
import { CapText, ChannelList, ChannelRules } from './channel-list.tsx';
import { EligibilityNote } from './eligibility-note.tsx';
import { SwitchDone } from './switch-done.tsx';

interface PlanOptionProps {
  plan: PlanView;
  card: CardView;
  generalRateBps: number;
  /** The API's word on this plan for this card today. */
  choice: PlanChoice | undefined;
  onChoose: (plan: PlanView) => void;
  /** The confirmation of a switch to this plan just made, if any. */
  notice?: string | undefined;
}

/** One plan in the chooser: where it earns at the holder's level, who may pick it, and the button. */
export function PlanOption({ plan, card, generalRateBps, choice, onChoose, notice }: PlanOptionProps) {
  const { t, i18n } = useTranslation();
  const { name } = useLocalText();
  const lang = i18n.language;
  const current = card.currentPlan?.planId === plan.id;
  const version = plan.version;
  const canChoose = choice ? choice.canPick && !current : card.canSwitchNow && !current;
  return (
    <li
      className={current ? 'card rewards-plan rewards-plan-current' : 'card rewards-plan'}
      data-plan={plan.id}
    >
      <div className="rewards-plan-head">
        <h2 className="section-title">{name(version.names)}</h2>
        {current && <span className="badge badge-current">{t('rewards.plan.current')}</span>}
      </div>
      <p className="muted">
        {version.validTo === null
          ? t('rewards.plan.validOpen', { from: formatCalendarDate(version.validFrom, lang) })
          : t('rewards.plan.valid', {
              from: formatCalendarDate(version.validFrom, lang),
              to: formatCalendarDate(version.validTo, lang),
            })}
      </p>
      <EligibilityNote rule={version.eligibility} choice={choice} />
      <ChannelList
        channels={version.channels}
        caps={version.caps.filter((c) => c.channelId !== null)}
        level={card.level}
        generalRateBps={generalRateBps}
        detailed={false}
      />
      {version.caps
        .filter((c) => c.channelId === null)
        .map((cap) => (
          <CapText key={cap.id} cap={cap} />
        ))}
      <details className="rewards-more">
        <summary>{t('rewards.plan.details')}</summary>
        <ChannelRules channels={version.channels} />
      </details>
      {notice && <SwitchDone text={notice} />}
      {card.kind === 'primary' && !current && (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!canChoose}
            onClick={() => onChoose(plan)}
          >
            {t('rewards.plan.choose')}
          </button>
        </div>
      )}
    </li>
  );
}
