import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { logIn } from '../api/account.ts';
import { Field, FormError } from '../components/field.tsx';
import { useFormErrors } from '../hooks/use-form-errors.ts';
import { useSignedIn } from '../hooks/use-signed-in.ts';

/** Log in with handle or e-mail. */
export function LogInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const errors = useFormErrors();
  const signedIn = useSignedIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () => logIn(login.trim(), password),
    onSuccess: signedIn,
    onError: errors.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    mutation.mutate();
  };
  return (
    <div className="page auth-page">
      <form className="card auth-card" onSubmit={submit} noValidate>
        <p className="logo">{t('app.name')}</p>
        <h1 className="page-title">{t('auth.logInTitle')}</h1>
        <Field label={t('auth.login')} error={errors.fields.login}>
          {(props) => (
            <input
              {...props}
              name="login"
              autoComplete="username"
              autoCapitalize="none"
              value={login}
              onChange={(e) => setLogin(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('auth.password')} error={errors.fields.password}>
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <FormError message={errors.form} />
        <button type="submit" className="btn btn-primary btn-wide" disabled={mutation.isPending}>
          {t('auth.logIn')}
        </button>
        <p className="auth-switch">
          {t('auth.noAccount')} <Link to={`/signup${location.search}`}>{t('auth.signUp')}</Link>
        </p>
      </form>
    </div>
  );
}
