import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/field.tsx';
import { useFormMutation } from '../../hooks/use-form-mutation.ts';
import { scheduleVersion, withdrawVersion } from '../api/admin.ts';
import type { AdminVersionView } from '../api/admin-types.ts';
import { epochToTaipeiLocal, taipeiLocalToRfc3339 } from '../lib/taipei-input.ts';
import { InlineForm } from './inline-form.tsx';
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

interface ShelfTimeProps {
  /** The edge of the shelf, named as the API names it (its errors come back under that name). */
  field: 'onShelfAt' | 'offShelfAt';
  /** The input's own name when one form has two inputs for the same field. */
  name?: string;
  /** What an empty time means: now, or open until the version's window ends. */
  empty: 'now' | 'open';
  value: string;
  onChange: (value: string) => void;
  errors: Record<string, string>;
}

/** A Taipei wall-clock time for one edge of the shelf; empty has the meaning its hint says. */
function ShelfTime({ field, name = field, empty, value, onChange, errors }: ShelfTimeProps) {
  const { t } = useTranslation();
  return (
    <TextField
      type="datetime-local"
      label={t(field === 'onShelfAt' ? 'rewards.admin.onShelfAtLabel' : 'rewards.admin.offShelfAtLabel')}
      hint={t(empty === 'now' ? 'rewards.admin.emptyIsNow' : 'rewards.admin.emptyIsOpen')}
      name={name}
      value={value}
      onChange={onChange}
      error={errors[field]}
    />
  );
}

/** The RFC 3339 instant of a typed Taipei time, or null when left empty. */
const instantOf = (local: string) => (local ? taipeiLocalToRfc3339(local) : null);

function PutOnShelf({ version }: { version: AdminVersionView }) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const [on, setOn] = useState(version.shelf ? epochToTaipeiLocal(version.shelf.onShelfAt) : '');
  const [off, setOff] = useState(
    version.shelf?.offShelfAt ? epochToTaipeiLocal(version.shelf.offShelfAt) : '',
  );
  const form = useFormMutation({
    mutationFn: () => {
      const onShelfAt = instantOf(on);
      return scheduleVersion(version.id, { ...(onShelfAt ? { onShelfAt } : {}), offShelfAt: instantOf(off) });
    },
    onSuccess: changed,
  });
  return (
    <InlineForm title={t('rewards.admin.schedule')} submitLabel={t('rewards.admin.putOnShelf')} form={form}>
      <div className="rewards-admin-pair">
        <ShelfTime field="onShelfAt" empty="now" value={on} onChange={setOn} errors={form.errors.fields} />
        <ShelfTime
          field="offShelfAt"
          empty="open"
          value={off}
          onChange={setOff}
          errors={form.errors.fields}
        />
      </div>
    </InlineForm>
  );
}

function TakeOffShelf({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const changed = useCatalogChanged();
  const [off, setOff] = useState('');
  const form = useFormMutation({
    mutationFn: () => withdrawVersion(versionId, instantOf(off) ?? undefined),
    onSuccess: changed,
  });
  return (
    <InlineForm
      title={t('rewards.admin.withdraw')}
      submitLabel={t('rewards.admin.takeOffShelf')}
      tone="outline"
      form={form}
    >
      <ShelfTime
        field="offShelfAt"
        name="withdrawAt"
        empty="now"
        value={off}
        onChange={setOff}
        errors={form.errors.fields}
      />
    </InlineForm>
  );
}
