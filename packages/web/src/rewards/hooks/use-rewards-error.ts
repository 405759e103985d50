import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useErrorText } from '../../hooks/use-error-text.ts';

/** The Rewards refusals the app explains in the reader's language (codes from the Rewards API). */
const REWARDS_CODES = [
  'already_switched_today',
  'supplementary_follows_primary',
  'plan_not_available',
  'plan_not_eligible',
  'not_birth_month',
  'not_eligible',
] as const;
type RewardsCode = (typeof REWARDS_CODES)[number];

function isRewardsCode(code: string): code is RewardsCode {
  return (REWARDS_CODES as readonly string[]).includes(code);
}

/** Like `useErrorText`, with Rewards' own refusals translated first. */
export function useRewardsErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error) =>
    error instanceof ApiError && isRewardsCode(error.code)
      ? t(`rewards.errors.${error.code}`)
      : errorText(error);
}
