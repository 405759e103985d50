import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/account.ts';
import { useFormMutation } from '../hooks/use-form-mutation.ts';
import { FormFooter, PasswordField } from './field.tsx';

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
      <PasswordField
        label={t('settings.currentPassword')}
        error={errors.fields.currentPassword}
        value={current}
        onChange={setCurrent}
      />
      <PasswordField
        label={t('settings.newPassword')}
        error={errors.fields.newPassword}
        value={next}
        onChange={setNext}
        fresh
      />
      <FormFooter
        error={errors.form}
        submitLabel={t('settings.changePassword')}
        disabled={change.isPending || !current || !next}
        status={done && <span className="success">{t('settings.passwordChanged')}</span>}
      />
    </form>
  );
}
