import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { signUp } from '../api/account.ts';
import { Field, FormError } from '../components/field.tsx';
import { useFormErrors } from '../hooks/use-form-errors.ts';
import { useSignedIn } from '../hooks/use-signed-in.ts';
import { currentLanguage } from '../i18n/index.ts';

/** Sign up; the account's language starts as the UI language the reader is using. */
export function SignUpPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const errors = useFormErrors();
  const signedIn = useSignedIn();
  const [handle, setHandle] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      signUp({ handle: handle.trim(), email: email.trim(), password, language: currentLanguage() }),
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
        <h1 className="page-title">{t('auth.signUpTitle')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        <Field label={t('auth.handle')} hint={t('auth.handleHint')} error={errors.fields.handle}>
          {(props) => (
            <input
              {...props}
              name="handle"
              autoComplete="username"
              autoCapitalize="none"
              value={handle}
              onChange={(e) => setHandle(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('auth.email')} error={errors.fields.email}>
          {(props) => (
            <input
              {...props}
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('auth.password')} error={errors.fields.password}>
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <FormError message={errors.form} />
        <button type="submit" className="btn btn-primary btn-wide" disabled={mutation.isPending}>
          {t('auth.signUp')}
        </button>
        <p className="auth-switch">
          {t('auth.haveAccount')} <Link to={`/login${location.search}`}>{t('auth.logIn')}</Link>
        </p>
      </form>
    </div>
  );
}
