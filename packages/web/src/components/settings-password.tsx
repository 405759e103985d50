import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/account.ts';
import { useFormMutation } from '../hooks/use-form-mutation.ts';
import { FormError, TextField } from './field.tsx';

/** Changing the password ends every other session (the server's rule), so we say so. */
export function SettingsPassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const {
    errors,
    mutation: change,
    submitWith,
  } = useFormMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setDone(true);
      setCurrent('');
      setNext('');
    },
  });
  const submit = submitWith(() => {
    setDone(false);
    change.mutate();
  });
  return (
    <form className="card settings-section" onSubmit={submit}>
      <h2 className="section-title">{t('settings.password')}</h2>
      <TextField
        label={t('settings.currentPassword')}
        error={errors.fields.currentPassword}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <TextField
        label={t('settings.newPassword')}
        error={errors.fields.newPassword}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
      />
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
