import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormMutation } from '../hooks/use-form-mutation.ts';
import { useSignedIn } from '../hooks/use-signed-in.ts';
import { FormError } from './field.tsx';

/** Sends a sign-up or log-in; once the server accepts it, the reader is signed in here too. */
export function useAuthMutation(mutationFn: () => Promise<unknown>) {
  const signedIn = useSignedIn();
  return useFormMutation({ mutationFn, onSuccess: signedIn });
}

interface AuthFormProps {
  auth: ReturnType<typeof useAuthMutation>;
  title: string;
  /** A line under the title. */
  intro?: string;
  submitLabel: string;
  /** The link to the other way in, e.g. "No account yet? Sign up". */
  other: { prompt: string; to: '/login' | '/signup'; label: string };
  /** The fields; each shows its own server error, the form-wide one goes under them. */
  children: ReactNode;
}

/** The card that sign-up and log-in share. */
export function AuthForm({ auth, title, intro, submitLabel, other, children }: AuthFormProps) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="page auth-page">
      <form className="card auth-card" onSubmit={auth.submitWith(() => auth.mutation.mutate())} noValidate>
        <p className="logo">{t('app.name')}</p>
        <h1 className="page-title">{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
        <FormError message={auth.errors.form} />
        <button type="submit" className="btn btn-primary btn-wide" disabled={auth.mutation.isPending}>
          {submitLabel}
        </button>
        <p className="auth-switch">
          {/* The query goes along so `?next=` survives switching between the two. */}
          {other.prompt} <Link to={`${other.to}${location.search}`}>{other.label}</Link>
        </p>
      </form>
    </div>
  );
}
