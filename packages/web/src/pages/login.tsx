import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logIn } from '../api/account.ts';
import { AuthForm, useAuthMutation } from '../components/auth-form.tsx';
import { TextField } from '../components/field.tsx';

/** Log in with handle or e-mail. */
export function LogInPage() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const auth = useAuthMutation(() => logIn(login.trim(), password));
  const other = { prompt: t('auth.noAccount'), to: '/signup', label: t('auth.signUp') } as const;
  return (
    <AuthForm auth={auth} title={t('auth.logInTitle')} submitLabel={t('auth.logIn')} other={other}>
      <TextField
        label={t('auth.login')}
        error={auth.errors.fields.login}
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        value={login}
        onChange={setLogin}
      />
      <TextField
        label={t('auth.password')}
        error={auth.errors.fields.password}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
    </AuthForm>
  );
}
