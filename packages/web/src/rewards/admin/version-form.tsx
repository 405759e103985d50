import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FormFooter, TextField } from '../../components/field.tsx';
import { useFormMutation } from '../../hooks/use-form-mutation.ts';
import type { VersionTerms } from '../api/admin-types.ts';
import type { Eligibility } from '../api/types.ts';
import { CapEditor } from './cap-editor.tsx';
import { ChannelEditor } from './channel-editor.tsx';
import { type Issues, issuesAt, issuesOf } from './form-issues.ts';
import { emptyCap, emptyChannel, FLAG_MAX, termsFromDraft, type VersionDraft } from './version-draft.ts';

interface VersionFormProps {
  initial: VersionDraft;
  submitLabel: string;
  send: (terms: VersionTerms) => Promise<unknown>;
  onSaved: () => unknown;
}

/**
 * A version's terms: names, window, who may pick it, channels with rates, caps. The server checks
 * the whole program with the change in it; its field messages come back beside the fields.
 */
export function VersionForm({ initial, submitLabel, send, onSaved }: VersionFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, mutation, submitWith } = useFormMutation({ mutationFn: send, onSuccess: onSaved });
  const issues = { ...issuesOf(mutation.error), ...local };
  const set = (patch: Partial<VersionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = submitWith(() => {
    const { terms, errors: found } = termsFromDraft(draft);
    const messages = Object.fromEntries(
      Object.entries(found).map(([path, kind]) => [
        path,
        // A flag name breaks the server's rule for flags; its sentence is the server's own code's.
        kind === 'flag'
          ? t('fieldErrors.not_flag_name', { max: FLAG_MAX })
          : t(`rewards.admin.draftError.${kind}`),
      ]),
    );
    setLocal(messages);
    if (Object.keys(messages).length === 0) mutation.mutate(terms);
  });
  return (
    <form className="card rewards-admin-form" onSubmit={submit} noValidate data-testid="version-form">
      <TermsFields draft={draft} issues={issues} set={set} />
      <ListsFields draft={draft} issues={issues} set={set} />
      <FormFooter
        error={Object.keys(local).length ? t('errors.validation_failed') : errors.form}
        submitLabel={submitLabel}
        disabled={mutation.isPending}
      />
    </form>
  );
}

interface PartProps {
  draft: VersionDraft;
  issues: Issues;
  set: (patch: Partial<VersionDraft>) => void;
}

/** Names, the window of dates the version judges, and who may pick it. */
function TermsFields({ draft, issues, set }: PartProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="rewards-admin-pair">
        <TextField
          label={t('rewards.admin.nameZhTW')}
          name="zhTW"
          value={draft.zhTW}
          onChange={(zhTW) => set({ zhTW })}
          error={issuesAt(issues, 'names/zh-TW') ?? issues.names}
        />
        <TextField
          label={t('rewards.admin.nameEn')}
          name="en"
          value={draft.en}
          onChange={(en) => set({ en })}
          error={issuesAt(issues, 'names/en')}
        />
      </div>
      <div className="rewards-admin-pair">
        <TextField
          type="date"
          label={t('rewards.admin.validFrom')}
          name="validFrom"
          value={draft.validFrom}
          onChange={(validFrom) => set({ validFrom })}
          error={issuesAt(issues, 'validFrom')}
        />
        <TextField
          type="date"
          label={t('rewards.admin.validTo')}
          hint={t('rewards.admin.validToHint')}
          name="validTo"
          value={draft.validTo}
          onChange={(validTo) => set({ validTo })}
          error={issuesAt(issues, 'validTo')}
        />
      </div>
      <div className="rewards-admin-pair">
        <Field
          label={t('rewards.admin.whoMayPick')}
          error={issuesAt(issues, 'eligibility/kind') ?? issues.eligibility}
        >
          {(props) => (
            <select
              {...props}
              value={draft.eligibility}
              onChange={(e) => set({ eligibility: e.target.value as Eligibility['kind'] })}
            >
              <option value="everyone">{t('rewards.admin.eligibility.everyone')}</option>
              <option value="birth_month">{t('rewards.admin.eligibility.birth_month')}</option>
              <option value="flag">{t('rewards.admin.eligibilityFlag')}</option>
            </select>
          )}
        </Field>
        {draft.eligibility === 'flag' && (
          <TextField
            label={t('rewards.admin.flag')}
            name="flag"
            value={draft.flag}
            onChange={(flag) => set({ flag })}
            error={issuesAt(issues, 'eligibility/flag')}
          />
        )}
      </div>
    </>
  );
}

/** The channels with their rates and rules, and the caps on bonus points. */
function ListsFields({ draft, issues, set }: PartProps) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="section-title">{t('rewards.admin.channels')}</h3>
      {draft.channels.map((channel, i) => (
        <ChannelEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: channels are edited in place by position
          key={i}
          index={i}
          channel={channel}
          issues={issues}
          onChange={(c) => set({ channels: draft.channels.map((x, j) => (j === i ? c : x)) })}
          onRemove={() => set({ channels: draft.channels.filter((_, j) => j !== i) })}
        />
      ))}
      <button
        type="button"
        className="btn btn-outline btn-small"
        onClick={() => set({ channels: [...draft.channels, emptyChannel()] })}
      >
        {t('rewards.admin.addChannel')}
      </button>
      <h3 className="section-title">{t('rewards.admin.caps')}</h3>
      {draft.caps.map((cap, i) => (
        <CapEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: caps are edited in place by position
          key={i}
          index={i}
          cap={cap}
          channels={draft.channels}
          issues={issues}
          onChange={(c) => set({ caps: draft.caps.map((x, j) => (j === i ? c : x)) })}
          onRemove={() => set({ caps: draft.caps.filter((_, j) => j !== i) })}
        />
      ))}
      <button
        type="button"
        className="btn btn-outline btn-small"
        onClick={() => set({ caps: [...draft.caps, emptyCap()] })}
      >
        {t('rewards.admin.addCap')}
      </button>
    </>
  );
}
