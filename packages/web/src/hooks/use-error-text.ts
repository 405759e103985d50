import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { problemMessage } from '../lib/problem-text.ts';

/**
 * Turns any thrown error into a sentence for the reader: the catalog's message for the problem's
 * code (with its params), else a generic line in the reader's language. The server's detail is
 * English for API readers, so it is never shown.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) return problemMessage(i18n, error.problem);
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.generic');
  };
}
