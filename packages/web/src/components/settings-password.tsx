import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/account.ts';
import { useFormErrors } from '../hooks/use-form-errors.ts';
import { Field, FormError } from './field.tsx';

/** Changing the password ends every other session (the server's rule), so we say so. */
export function SettingsPassword() {
  const { t } = useTranslation();
  const errors = useFormErrors();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setDone(true);
      setCurrent('');
      setNext('');
    },
    onError: errors.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    setDone(false);
    change.mutate();
  };
  return (
    <form className="card settings-section" onSubmit={submit}>
      <h2 className="section-title">{t('settings.password')}</h2>
      <Field label={t('settings.currentPassword')} error={errors.fields.currentPassword}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('settings.newPassword')} error={errors.fields.newPassword}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        )}
      </Field>
      <FormError message={errors.form} />
      <div className="form-actions">
        {done && <span className="success">{t('settings.passwordChanged')}</span>}
        <button type="submit" className="btn btn-primary" disabled={change.isPending || !current || !next}>
          {t('settings.changePassword')}
        </button>
      </div>
    </form>
  );
}
