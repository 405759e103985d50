import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Eligibility, PlanChoice } from '../api/types.ts';
import { formatCalendarDate } from '../lib/format.ts';

/** Codes about the holder rather than about today's switch (that one is said once, above the list). */
const ELIGIBILITY_CODES = new Set(['not_birth_month', 'not_eligible']);

/**
 * Who may pick a plan: the plan's rule (慶生月 in the birth month, 童樂匯 for eligible holders)
 * and, as the API says, whether this card may pick it today and from when.
 */
export function EligibilityNote({ rule, choice }: { rule: Eligibility; choice: PlanChoice | undefined }) {
  const { t, i18n } = useTranslation();
  if (rule.kind === 'everyone') return null;
  const requirement =
    rule.kind === 'birth_month'
      ? t('rewards.eligibility.birthMonth')
      : t('rewards.eligibility.flag', { flag: flagName(rule.flag ?? '', t) });
  const unmet = choice?.reason && ELIGIBILITY_CODES.has(choice.reason.code) ? choice.reason : null;
  const eligible = choice !== undefined && unmet === null;
  return (
    <div className="rewards-eligibility" data-eligible={choice ? String(eligible) : 'unknown'}>
      <p>{requirement}</p>
      {eligible && <p className="success">{t('rewards.eligibility.yes')}</p>}
      {unmet && (
        <p className="rewards-eligibility-no">
          {unmet.availableFrom
            ? t('rewards.eligibility.noUntil', {
                date: formatCalendarDate(unmet.availableFrom, i18n.language),
              })
            : t('rewards.eligibility.no')}
        </p>
      )}
    </div>
  );
}

/** A flag's name where the catalog has one (kids → 童樂匯資格), else the flag itself. */
function flagName(flag: string, t: TFunction): string {
  return flag === 'kids' ? t('rewards.eligibility.flags.kids') : flag;
}
