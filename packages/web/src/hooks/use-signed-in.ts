import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { fetchMe } from '../api/account.ts';
import { switchLanguage } from '../i18n/index.ts';
import { isUiLanguage, readStored } from '../i18n/language.ts';
import { ME_KEY } from './use-me.ts';

/** After sign-up or log-in: forget the signed-out caches, load the account, go where the reader was headed. */
export function useSignedIn(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return async () => {
    queryClient.clear();
    const me = await fetchMe();
    queryClient.setQueryData(ME_KEY, me);
    // On a device that never chose, the account's language beats the browser's guess.
    if (me && !readStored() && isUiLanguage(me.language)) await switchLanguage(me.language);
    const next = params.get('next');
    // Only same-site paths: `next` comes from the URL, and //evil.example is an open redirect.
    await navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
  };
}
