import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/field.tsx';
import { Sheet } from '../../components/sheet.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import type { PlanView } from '../api/types.ts';
import { useSwitchPlan } from '../hooks/use-cards.ts';
import { useLocalText } from '../hooks/use-local-text.ts';

interface SwitchSheetProps {
  cardId: string;
  plan: PlanView;
  onClose: () => void;
  onSwitched: (planName: string, taipeiDate: string) => void;
}

/** The confirmation before a plan change: what changes, from when, and that today's one change is used. */
export function SwitchSheet({ cardId, plan, onClose, onSwitched }: SwitchSheetProps) {
  const { t } = useTranslation();
  const { name: localName } = useLocalText();
  const errorText = useErrorText();
  const change = useSwitchPlan(cardId);
  const name = localName(plan.names);
  const confirm = () =>
    change.mutate(plan.id, {
      onSuccess: (result) => onSwitched(name, result.taipeiDate),
    });
  return (
    <Sheet title={t('rewards.switch.confirmTitle', { plan: name })} onClose={onClose}>
      <div className="rewards-confirm" data-testid="switch-confirm">
        <p>{t('rewards.switch.confirmEffective')}</p>
        <p className="rewards-rule-note">{t('rewards.switch.confirmOnce')}</p>
        <FormError message={change.isError ? errorText(change.error) : null} />
        <div className="form-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {!change.isError && (
            <button type="button" className="btn btn-primary" disabled={change.isPending} onClick={confirm}>
              {t('rewards.switch.confirm')}
            </button>
          )}
        </div>
      </div>
    </Sheet>
  );
}
