import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

const KNOWN_CODES = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'rate_limited',
  'invalid_credentials',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'signup_refused',
  'handle_taken',
  'password_too_common',
  'bidi_control',
  'cross_origin_refused',
  'image_too_large',
  'uploads_busy',
  'blocked',
  'mention_blocked',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnown(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/**
 * Turns any thrown error into a sentence for the reader: a translated message for codes we
 * know, else a generic line in the reader's language (the server's detail is English for API
 * readers, so it is never shown).
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (isKnown(error.code)) return t(`errors.${error.code}`);
      return t(error.problem.errors?.length ? 'errors.validation_failed' : 'errors.generic');
    }
    if (error instanceof TypeError) return t('errors.network');
    return t('errors.generic');
  };
}
