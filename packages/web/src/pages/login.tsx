import { useTranslation } from 'react-i18next';
import { logIn } from '../api/account.ts';
import { AuthForm } from '../components/auth-form.tsx';
import { usePageTitle } from '../i18n/page-title.ts';

/** Log in with handle or e-mail. */
export function LogInPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.logIn'));
  return (
    <AuthForm
      title={t('auth.logInTitle')}
      submitLabel={t('auth.logIn')}
      other={{ prompt: t('auth.noAccount'), to: '/signup', label: t('auth.signUp') }}
      fields={[
        { name: 'login', label: t('auth.login'), autoComplete: 'username' },
        { name: 'password', label: t('auth.password'), type: 'password', autoComplete: 'current-password' },
      ]}
      send={({ login, password }) => logIn(login.trim(), password)}
    />
  );
}
