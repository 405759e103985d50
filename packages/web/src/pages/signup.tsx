import { useTranslation } from 'react-i18next';
import { signUp } from '../api/account.ts';
import { AuthForm } from '../components/auth-form.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { usePageTitle } from '../i18n/page-title.ts';

/** Sign up; the account's language starts as the UI language the reader is using. */
export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.signUp'));
  return (
    <AuthForm
      title={t('auth.signUpTitle')}
      intro={t('app.tagline')}
      submitLabel={t('auth.signUp')}
      other={{ prompt: t('auth.haveAccount'), to: '/login', label: t('auth.logIn') }}
      fields={[
        { name: 'handle', label: t('auth.handle'), hint: t('auth.handleHint'), autoComplete: 'username' },
        { name: 'email', label: t('auth.email'), type: 'email', autoComplete: 'email' },
        { name: 'password', label: t('auth.password'), type: 'password', autoComplete: 'new-password' },
      ]}
      send={({ handle, email, password }) =>
        signUp({ handle: handle.trim(), email: email.trim(), password, language: currentLanguage() })
      }
    />
  );
}
