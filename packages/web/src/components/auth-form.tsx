import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormMutation } from '../hooks/use-form-mutation.ts';
import { useSignedIn } from '../hooks/use-signed-in.ts';
import { FormError, TextField } from './field.tsx';

/** One text field of a way in; its name is also the key of the server's error for it. */
export interface AuthField<K extends string> {
  name: K;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
}

interface AuthFormProps<K extends string> {
  title: string;
  /** A line under the title. */
  intro?: string;
  submitLabel: string;
  /** The link to the other way in, e.g. "No account yet? Sign up". */
  other: { prompt: string; to: '/login' | '/signup'; label: string };
  fields: readonly AuthField<K>[];
  /** Sends what was typed; once the server accepts it, the reader is signed in here too. */
  send: (values: Record<K, string>) => Promise<unknown>;
}

/** The card that sign-up and log-in share: its fields each show their own server error. */
export function AuthForm<K extends string>({
  title,
  intro,
  submitLabel,
  other,
  fields,
  send,
}: AuthFormProps<K>) {
  const { t } = useTranslation();
  const location = useLocation();
  const [values, setValues] = useState(
    () => Object.fromEntries(fields.map((f) => [f.name, ''])) as Record<K, string>,
  );
  const signedIn = useSignedIn();
  const auth = useFormMutation({ mutationFn: () => send(values), onSuccess: signedIn });
  return (
    <div className="page auth-page">
      <form className="card auth-card" onSubmit={auth.submitWith(() => auth.mutation.mutate())} noValidate>
        <p className="logo">{t('app.name')}</p>
        <h1 className="page-title">{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {fields.map((field) => (
          <TextField
            key={field.name}
            label={field.label}
            hint={field.hint}
            error={auth.errors.fields[field.name]}
            name={field.name}
            type={field.type ?? 'text'}
            autoComplete={field.autoComplete}
            // Handles and e-mail addresses are not sentences: no capital first letter on phones.
            autoCapitalize="none"
            value={values[field.name]}
            onChange={(value) => setValues((prev) => ({ ...prev, [field.name]: value }))}
          />
        ))}
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
