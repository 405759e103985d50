import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormFooter, TextField } from '../../components/field.tsx';
import { useFormMutation } from '../../hooks/use-form-mutation.ts';
import { createPlan } from '../api/admin.ts';
import { useCatalogChanged } from './use-catalog.ts';

/** A new plan: its id and names. Its versions (channels, rates, window) come next, on its page. */
export function NewPlanForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const changed = useCatalogChanged();
  const [id, setId] = useState('');
  const [zhTW, setZhTW] = useState('');
  const [en, setEn] = useState('');
  const { errors, mutation, submitWith } = useFormMutation({
    mutationFn: () => createPlan({ id: id.trim(), names: { 'zh-TW': zhTW.trim(), en: en.trim() } }),
    onSuccess: async (plan) => {
      await changed();
      await navigate(`/rewards/admin/plans/${encodeURIComponent(plan.id)}`);
    },
  });
  return (
    <form className="card rewards-admin-form" onSubmit={submitWith(() => mutation.mutate())} noValidate>
      <h2 className="section-title">{t('rewards.admin.newPlan')}</h2>
      <TextField
        label={t('rewards.admin.planId')}
        hint={t('rewards.admin.idHint')}
        name="planId"
        value={id}
        onChange={setId}
        error={errors.fields.id}
      />
      <div className="rewards-admin-pair">
        <TextField
          label={t('rewards.admin.nameZhTW')}
          name="nameZhTW"
          value={zhTW}
          onChange={setZhTW}
          error={errors.fields.names}
        />
        <TextField label={t('rewards.admin.nameEn')} name="nameEn" value={en} onChange={setEn} />
      </div>
      <FormFooter
        error={errors.form}
        submitLabel={t('rewards.admin.createPlan')}
        disabled={mutation.isPending}
      />
    </form>
  );
}
