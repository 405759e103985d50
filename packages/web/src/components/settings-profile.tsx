import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProfileUpdate, updateMe } from '../api/account.ts';
import { uploadMedia } from '../api/media.ts';
import type { Me } from '../api/types.ts';
import { useFormMutation } from '../hooks/use-form-mutation.ts';
import { ME_KEY } from '../hooks/use-me.ts';
import { Avatar } from './avatar.tsx';
import { Field, FormFooter, TextField } from './field.tsx';

const DISPLAY_NAME_MAX = 30;
const BIO_MAX = 200;

/** Display name, bio and avatar. The avatar uploads first, then the profile points at it. */
export function SettingsProfile({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const avatarInput = useId();
  const [displayName, setDisplayName] = useState(me.displayName ?? '');
  const [bio, setBio] = useState(me.bio ?? '');
  const [saved, setSaved] = useState(false);
  const {
    errors,
    mutation: save,
    submitWith,
  } = useFormMutation({
    mutationFn: (update: ProfileUpdate) => updateMe(update),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      await queryClient.invalidateQueries({ queryKey: ['profile', me.handle] });
    },
  });
  const avatar = useMutation({
    mutationFn: async (file: File) => save.mutateAsync({ avatarMediaId: (await uploadMedia(file)).id }),
    onError: errors.fromError,
  });
  const submit = submitWith(() => {
    setSaved(false);
    save.mutate({ displayName: displayName.trim(), bio });
  });
  return (
    <form className="card settings-section" onSubmit={submit}>
      <h2 className="section-title">{t('settings.profile')}</h2>
      <div className="avatar-row">
        <Avatar name={me.displayName || me.handle} url={me.avatarUrl} size={64} />
        <label htmlFor={avatarInput} className="btn btn-outline btn-small">
          {t('settings.changeAvatar')}
        </label>
        <input
          id={avatarInput}
          type="file"
          accept="image/*"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) avatar.mutate(file);
            e.target.value = '';
          }}
        />
      </div>
      {errors.fields.avatarMediaId && <p className="field-error">{errors.fields.avatarMediaId}</p>}
      <TextField
        label={t('settings.displayName')}
        error={errors.fields.displayName}
        counter={`${Array.from(displayName).length}/${DISPLAY_NAME_MAX}`}
        over={Array.from(displayName).length > DISPLAY_NAME_MAX}
        name="displayName"
        value={displayName}
        onChange={setDisplayName}
      />
      <Field
        label={t('settings.bio')}
        error={errors.fields.bio}
        counter={`${Array.from(bio).length}/${BIO_MAX}`}
        over={Array.from(bio).length > BIO_MAX}
      >
        {(props) => (
          <textarea {...props} name="bio" rows={3} value={bio} onChange={(e) => setBio(e.target.value)} />
        )}
      </Field>
      <FormFooter
        error={errors.form}
        submitLabel={t('common.save')}
        disabled={save.isPending}
        status={saved && <span className="success">{t('common.saved')}</span>}
      />
    </form>
  );
}
