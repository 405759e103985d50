import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBox, Loading } from '../../components/states.tsx';
import type { PlanView } from '../api/types.ts';
import { PlanOption } from '../components/plan-option.tsx';
import { SwitchRule } from '../components/switch-rule.tsx';
import { SwitchSheet } from '../components/switch-sheet.tsx';
import { usePlans } from '../hooks/use-cards.ts';
import { formatCalendarDate } from '../lib/format.ts';
import { useCardOutlet } from './card-layout.tsx';

/** `/rewards/cards/:cardId/plans`: every plan on the shelf at the holder's level, and the switch. */
export function PlansPage() {
  const { t, i18n } = useTranslation();
  const card = useCardOutlet();
  const plans = usePlans();
  const [choosing, setChoosing] = useState<PlanView | null>(null);
  // The plan just switched to and its confirmation, shown in that plan's card.
  const [switched, setSwitched] = useState<{ planId: string; text: string } | null>(null);
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <ErrorBox error={plans.error} onRetry={() => void plans.refetch()} />;
  const choices = new Map(card.planChoices.map((c) => [c.planId, c]));
  return (
    <section className="rewards-section">
      <SwitchRule card={card} justSwitched={switched !== null} />
      <ul className="rewards-plan-list">
        {plans.data.items.map((plan) => (
          <PlanOption
            key={plan.id}
            plan={plan}
            card={card}
            generalRateBps={plans.data.generalRateBps}
            choice={choices.get(plan.id)}
            notice={switched?.planId === plan.id ? switched.text : undefined}
            onChoose={(p) => {
              setSwitched(null);
              setChoosing(p);
            }}
          />
        ))}
      </ul>
      {choosing && (
        <SwitchSheet
          cardId={card.id}
          plan={choosing}
          onClose={() => setChoosing(null)}
          onSwitched={(plan, date) => {
            setChoosing(null);
            setSwitched({
              planId: choosing.id,
              text: t('rewards.switch.done', { plan, date: formatCalendarDate(date, i18n.language) }),
            });
          }}
        />
      )}
    </section>
  );
}
