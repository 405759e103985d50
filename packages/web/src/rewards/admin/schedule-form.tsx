import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, TextField } from '../../components/field.tsx';
import { useFormMutation } from '../../hooks/use-form-mutation.ts';
import { scheduleVersion, withdrawVersion } from '../api/admin.ts';
import type { AdminVersionView } from '../api/admin-types.ts';
import { epochToTaipeiLocal, taipeiLocalToRfc3339 } from '../lib/taipei-input.ts';
import { useCatalogChanged } from './use-catalog.ts';

/**
 * Putting a version on the shelf (from an instant, optionally until another) and taking it off.
 * Empty times mean "now"; a version that has been on the shelf keeps its start (the server's rule).
 */
export function ScheduleForm({ version }: { version: AdminVersionView }) {
  const canSchedule = version.editable;
  const canWithdraw = version.state === 'on_shelf' || version.state === 'scheduled';
  if (!canSchedule && !canWithdraw) return null;
  return (
    <div className="rewards-admin-schedule">
      {canSchedule && <PutOnShelf version={version} />}
      {canWithdraw && <TakeOffShelf versionId={version.id} />}
    </div>
  );
}

function PutOnShelf({ version }: { version: AdminVersionView }) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const [on, setOn] = useState(version.shelf ? epochToTaipeiLocal(version.shelf.onShelfAt) : '');
  const [off, setOff] = useState(
    version.shelf?.offShelfAt ? epochToTaipeiLocal(version.shelf.offShelfAt) : '',
  );
  const { errors, mutation, submitWith } = useFormMutation({
    mutationFn: () => {
      const onShelfAt = on ? taipeiLocalToRfc3339(on) : null;
      const offShelfAt = off ? taipeiLocalToRfc3339(off) : null;
      return scheduleVersion(version.id, {
        ...(onShelfAt ? { onShelfAt } : {}),
        offShelfAt,
      });
    },
    onSuccess: changed,
  });
  return (
    <form className="rewards-admin-inline" onSubmit={submitWith(() => mutation.mutate())} noValidate>
      <h4>{t('rewards.admin.schedule')}</h4>
      <div className="rewards-admin-pair">
        <TextField
          type="datetime-local"
          label={t('rewards.admin.onShelfAtLabel')}
          hint={t('rewards.admin.emptyIsNow')}
          name="onShelfAt"
          value={on}
          onChange={setOn}
          error={errors.fields.onShelfAt}
        />
        <TextField
          type="datetime-local"
          label={t('rewards.admin.offShelfAtLabel')}
          hint={t('rewards.admin.emptyIsOpen')}
          name="offShelfAt"
          value={off}
          onChange={setOff}
          error={errors.fields.offShelfAt}
        />
      </div>
      <FormError message={errors.form} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={mutation.isPending}>
          {t('rewards.admin.putOnShelf')}
        </button>
      </div>
    </form>
  );
}

function TakeOffShelf({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const [off, setOff] = useState('');
  const { errors, mutation, submitWith } = useFormMutation({
    mutationFn: () => withdrawVersion(versionId, off ? (taipeiLocalToRfc3339(off) ?? undefined) : undefined),
    onSuccess: changed,
  });
  return (
    <form className="rewards-admin-inline" onSubmit={submitWith(() => mutation.mutate())} noValidate>
      <h4>{t('rewards.admin.withdraw')}</h4>
      <TextField
        type="datetime-local"
        label={t('rewards.admin.offShelfAtLabel')}
        hint={t('rewards.admin.emptyIsNow')}
        name="withdrawAt"
        value={off}
        onChange={setOff}
        error={errors.fields.offShelfAt}
      />
      <FormError message={errors.form} />
      <div className="form-actions">
        <button type="submit" className="btn btn-outline btn-small" disabled={mutation.isPending}>
          {t('rewards.admin.takeOffShelf')}
        </button>
      </div>
    </form>
  );
}
