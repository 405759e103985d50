import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/field.tsx';
import { type Issues, issuesAt } from './form-issues.ts';
import type { CapDraft, ChannelDraft } from './version-draft.ts';

interface CapEditorProps {
  index: number;
  cap: CapDraft;
  channels: ChannelDraft[];
  issues: Issues;
  onChange: (cap: CapDraft) => void;
  onRemove: () => void;
}

/** A bonus cap: on the whole plan or one channel, per month or for the version's window. */
export function CapEditor({ index, cap, channels, issues, onChange, onRemove }: CapEditorProps) {
  const { t } = useTranslation();
  const at = `caps/${index}`;
  const set = (patch: Partial<CapDraft>) => onChange({ ...cap, ...patch });
  return (
    <fieldset className="rewards-admin-fieldset" data-cap-index={index}>
      <legend>{t('rewards.admin.capN', { n: index + 1 })}</legend>
      <div className="rewards-admin-pair">
        <TextField
          label={t('rewards.admin.capId')}
          name={`${at}/id`}
          value={cap.id}
          onChange={(id) => set({ id })}
          error={issuesAt(issues, `${at}/id`)}
        />
        <TextField
          label={t('rewards.admin.limitPoints')}
          inputMode="numeric"
          name={`${at}/limit`}
          value={cap.limit}
          onChange={(limit) => set({ limit })}
          error={issuesAt(issues, `${at}/limitPoints`)}
        />
      </div>
      <div className="rewards-admin-pair">
        <Field label={t('rewards.admin.capScope')} error={issuesAt(issues, `${at}/scope`)}>
          {(props) => (
            <select {...props} value={cap.channelId} onChange={(e) => set({ channelId: e.target.value })}>
              <option value="">{t('rewards.admin.wholePlan')}</option>
              {channels
                .filter((c) => c.id.trim())
                .map((c) => (
                  <option key={c.id} value={c.id.trim()}>
                    {c.zhTW || c.id}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label={t('rewards.admin.capPeriod')}>
          {(props) => (
            <select
              {...props}
              value={cap.period}
              onChange={(e) => set({ period: e.target.value === 'window' ? 'window' : 'month' })}
            >
              <option value="month">{t('rewards.admin.perMonth')}</option>
              <option value="window">{t('rewards.admin.perWindow')}</option>
            </select>
          )}
        </Field>
      </div>
      <button type="button" className="link-button" onClick={onRemove}>
        {t('rewards.admin.removeCap')}
      </button>
    </fieldset>
  );
}
