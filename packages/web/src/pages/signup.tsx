import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signUp } from '../api/account.ts';
import { AuthForm, useAuthMutation } from '../components/auth-form.tsx';
import { TextField } from '../components/field.tsx';
import { currentLanguage } from '../i18n/index.ts';

/** Sign up; the account's language starts as the UI language the reader is using. */
export function SignUpPage() {
  const { t } = useTranslation();
  const [handle, setHandle] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const auth = useAuthMutation(() =>
    signUp({ handle: handle.trim(), email: email.trim(), password, language: currentLanguage() }),
  );
  const other = { prompt: t('auth.haveAccount'), to: '/login', label: t('auth.logIn') } as const;
  return (
    <AuthForm
      auth={auth}
      title={t('auth.signUpTitle')}
      intro={t('app.tagline')}
      submitLabel={t('auth.signUp')}
      other={other}
    >
      <TextField
        label={t('auth.handle')}
        hint={t('auth.handleHint')}
        error={auth.errors.fields.handle}
        name="handle"
        autoComplete="username"
        autoCapitalize="none"
        value={handle}
        onChange={setHandle}
      />
      <TextField
        label={t('auth.email')}
        error={auth.errors.fields.email}
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
      />
      <TextField
        label={t('auth.password')}
        error={auth.errors.fields.password}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
      />
    </AuthForm>
  );
}
