import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { deleteAccount, EXPORT_URL, logOut } from '../api/account.ts';
import { useFormMutation } from '../hooks/use-form-mutation.ts';
import { ME_KEY } from '../hooks/use-me.ts';
import { FormFooter, PasswordField } from './field.tsx';

/** Export, log out and delete: the account's exits. */
export function SettingsAccount() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const signedOut = async () => {
    queryClient.setQueryData(ME_KEY, null);
    queryClient.clear();
    await navigate('/');
  };
  const logout = useMutation({ mutationFn: logOut, onSettled: signedOut });
  const {
    errors,
    mutation: remove,
    submitWith,
  } = useFormMutation({ mutationFn: () => deleteAccount(password), onSuccess: signedOut });
  const submit = submitWith(() => {
    if (window.confirm(t('settings.deleteConfirm'))) remove.mutate();
  });
  return (
    <>
      <section className="card settings-section">
        <h2 className="section-title">{t('settings.data')}</h2>
        <p className="muted">{t('settings.exportHint')}</p>
        <div className="form-actions">
          <a className="btn btn-outline" href={EXPORT_URL} download>
            {t('settings.export')}
          </a>
          <button type="button" className="btn btn-ghost" onClick={() => logout.mutate()}>
            {t('nav.logOut')}
          </button>
        </div>
      </section>
      <form className="card settings-section danger" onSubmit={submit}>
        <h2 className="section-title">{t('settings.danger')}</h2>
        <p className="muted">{t('settings.deleteHint')}</p>
        <PasswordField
          label={t('settings.deletePassword')}
          error={errors.fields.password}
          value={password}
          onChange={setPassword}
        />
        <FormFooter
          error={errors.form}
          submitLabel={t('settings.deleteAccount')}
          disabled={remove.isPending || !password}
          buttonClass="btn btn-danger"
        />
      </form>
    </>
  );
}
