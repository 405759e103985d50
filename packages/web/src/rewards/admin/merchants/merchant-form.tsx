import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter, TextField } from '../../../components/field.tsx';
import { useFormMutation } from '../../../hooks/use-form-mutation.ts';
import { type MerchantView, putMerchant } from '../../api/merchants.ts';
import { useMerchantsChanged } from '../../api/use-merchant-names.ts';
import { useLocalText } from '../../hooks/use-local-text.ts';
import { Outcome } from '../cards/history-table.tsx';
import { issuesAt, issuesOf } from '../form-issues.ts';

/** The form's text as typed; the MCC becomes a number only on submit. */
export interface MerchantDraft {
  id: string;
  zhTW: string;
  en: string;
  mcc: string;
}

export const blankMerchant = (id = ''): MerchantDraft => ({ id, zhTW: '', en: '', mcc: '' });

export const draftOf = (merchant: MerchantView): MerchantDraft => ({
  id: merchant.id,
  zhTW: merchant.names['zh-TW'],
  en: merchant.names.en,
  mcc: merchant.mcc === null ? '' : String(merchant.mcc),
});

/** "5311" → 5311, "" → null (no usual code); undefined when it is not up to 4 digits. */
export function mccOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : undefined;
}

interface MerchantFormProps {
  start: MerchantDraft;
  /** Renaming keeps the id; a new merchant's id is typed. */
  renaming: boolean;
  onNew: () => void;
}

/** Names a new merchant or renames one: both names required, the usual MCC optional. */
export function MerchantForm({ start, renaming, onNew }: MerchantFormProps) {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const changed = useMerchantsChanged();
  const [draft, setDraft] = useState(start);
  const [badMcc, setBadMcc] = useState(false);
  const set = (patch: Partial<MerchantDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { errors, mutation, submitWith } = useFormMutation({
    mutationFn: (mcc: number | null) =>
      putMerchant(draft.id.trim(), { names: { 'zh-TW': draft.zhTW, en: draft.en }, mcc }),
    onSuccess: () => changed(),
  });
  const issues = issuesOf(mutation.error);
  const send = () => {
    const mcc = mccOf(draft.mcc);
    setBadMcc(mcc === undefined);
    if (mcc !== undefined) mutation.mutate(mcc);
  };
  const D = 'rewards.admin.directory';
  return (
    <form
      className="card rewards-admin-form"
      onSubmit={submitWith(send)}
      noValidate
      data-testid="merchant-form"
    >
      <h2 className="section-title">
        {renaming ? t(`${D}.renameTitle`, { id: draft.id }) : t(`${D}.newTitle`)}
      </h2>
      <TextField
        label={t(`${D}.id`)}
        hint={t(`${D}.idHint`)}
        name="merchantId"
        value={draft.id}
        readOnly={renaming}
        onChange={(id) => set({ id })}
        error={issuesAt(issues, 'merchantId')}
      />
      <div className="rewards-admin-pair">
        <TextField
          label={t('rewards.admin.nameZhTW')}
          name="nameZhTW"
          value={draft.zhTW}
          onChange={(zhTW) => set({ zhTW })}
          error={issuesAt(issues, 'names/zh-TW')}
        />
        <TextField
          label={t('rewards.admin.nameEn')}
          name="nameEn"
          value={draft.en}
          onChange={(en) => set({ en })}
          error={issuesAt(issues, 'names/en')}
        />
      </div>
      <TextField
        label={t(`${D}.mcc`)}
        hint={t(`${D}.mccHint`)}
        name="mcc"
        inputMode="numeric"
        value={draft.mcc}
        onChange={(mcc) => set({ mcc })}
        error={badMcc ? t(`${D}.mccInvalid`) : issuesAt(issues, 'mcc')}
      />
      <Outcome
        message={
          mutation.data ? t(`${D}.saved`, { name: name(mutation.data.names), id: mutation.data.id }) : null
        }
        testId="merchant-outcome"
      />
      <FormFooter
        error={badMcc ? t('errors.validation_failed') : errors.form}
        submitLabel={t(`${D}.save`)}
        disabled={mutation.isPending}
      />
      {renaming && (
        <button type="button" className="link-button" onClick={onNew}>
          {t(`${D}.newMerchant`)}
        </button>
      )}
    </form>
  );
}
