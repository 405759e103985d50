import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../components/field.tsx';
import { useMerchantNames } from '../api/use-merchant-names.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { type Issues, issuesAt } from './form-issues.ts';
import { MerchantNote } from './merchants/merchant-note.tsx';
import type { PreviewDraft, PreviewProblem } from './preview-input.ts';

export interface PreviewFieldsProps {
  draft: PreviewDraft;
  set: (patch: Partial<PreviewDraft>) => void;
  issues: Issues;
  /** This form's own message for a field it could not send as typed. */
  local: (problem: PreviewProblem) => string | undefined;
}

/** The purchase: amount and currency, when, and installments. */
export function PreviewPurchase({ draft, set, issues, local }: PreviewFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="section-title">{t('rewards.preview.transaction')}</h3>
      <div className="rewards-admin-trio">
        <TextField
          label={t('rewards.preview.amount')}
          name="amount"
          inputMode="decimal"
          value={draft.amount}
          onChange={(amount) => set({ amount })}
          error={local('amount') ?? issuesAt(issues, 'transaction/amount')}
        />
        <TextField
          label={t('rewards.preview.currency')}
          name="currency"
          value={draft.currency}
          onChange={(currency) => set({ currency })}
          error={issuesAt(issues, 'transaction/currency')}
        />
        {draft.currency.trim().toUpperCase() !== 'TWD' && (
          <TextField
            label={t('rewards.preview.billedTwd')}
            name="billedTwd"
            inputMode="decimal"
            value={draft.billedTwd}
            onChange={(billedTwd) => set({ billedTwd })}
            error={local('billedTwd')}
          />
        )}
        <TextField
          type="datetime-local"
          label={t('rewards.preview.transactionAt')}
          name="transactionAt"
          value={draft.transactionAt}
          onChange={(transactionAt) => set({ transactionAt })}
          error={local('transactionAt')}
        />
        <TextField
          label={t('rewards.preview.installmentCount')}
          hint={t('rewards.preview.installmentHint')}
          name="installmentCount"
          inputMode="numeric"
          value={draft.installmentCount}
          onChange={(installmentCount) => set({ installmentCount })}
          error={local('installments')}
        />
        <TextField
          label={t('rewards.preview.installmentIndex')}
          name="installmentIndex"
          inputMode="numeric"
          value={draft.installmentIndex}
          onChange={(installmentIndex) => set({ installmentIndex })}
        />
      </div>
    </>
  );
}

/** Where: the merchant as the network names it, suggesting the merchant ids the program's channels list. */
export function PreviewMerchant({
  draft,
  set,
  issues,
  merchants,
}: Omit<PreviewFieldsProps, 'local'> & { merchants: string[] }) {
  const { t } = useTranslation();
  const { name } = useLocalText();
  const names = useMerchantNames(merchants);
  const label = (id: string) => {
    const known = names.byId.get(id);
    return known ? name(known) : t('rewards.admin.directory.noName');
  };
  return (
    <div className="rewards-admin-trio">
      <div>
        <TextField
          label={t('rewards.preview.merchantId')}
          name="merchantId"
          list="preview-merchants"
          value={draft.merchantId}
          onChange={(merchantId) => set({ merchantId })}
          error={issuesAt(issues, 'transaction/merchant/id')}
        />
        <MerchantNote id={draft.merchantId.trim()} />
      </div>
      <datalist id="preview-merchants">
        {merchants.map((m) => (
          <option key={m} value={m} label={label(m)} />
        ))}
      </datalist>
      <TextField
        label={t('rewards.preview.merchantName')}
        name="merchantName"
        value={draft.merchantName}
        onChange={(merchantName) => set({ merchantName })}
      />
      <TextField
        label={t('rewards.preview.mcc')}
        name="mcc"
        inputMode="numeric"
        value={draft.mcc}
        onChange={(mcc) => set({ mcc })}
        error={issuesAt(issues, 'transaction/merchant/mcc')}
      />
      <TextField
        label={t('rewards.preview.country')}
        hint={t('rewards.preview.countryHint')}
        name="country"
        value={draft.country}
        onChange={(country) => set({ country })}
        error={issuesAt(issues, 'transaction/merchant/country')}
      />
      <Field label={t('rewards.admin.presence')}>
        {(props) => (
          <select
            {...props}
            name="presence"
            value={draft.presence}
            onChange={(e) => set({ presence: e.target.value === 'online' ? 'online' : 'in_person' })}
          >
            <option value="in_person">{t('rewards.rule.presence.in_person')}</option>
            <option value="online">{t('rewards.rule.presence.online')}</option>
          </select>
        )}
      </Field>
    </div>
  );
}

/** The card the preview earns for: its level, birth month and kids' eligibility. */
export function PreviewCard({
  draft,
  set,
}: {
  draft: PreviewDraft;
  set: (patch: Partial<PreviewDraft>) => void;
}) {
  const { t } = useTranslation();
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1));
  return (
    <>
      <h3 className="section-title">{t('rewards.preview.card')}</h3>
      <div className="rewards-admin-trio">
        <Field label={t('rewards.preview.level')}>
          {(props) => (
            <select
              {...props}
              name="level"
              value={draft.level}
              onChange={(e) => set({ level: e.target.value as PreviewDraft['level'] })}
            >
              {(['1', '2', '3'] as const).map((l) => (
                <option key={l} value={l}>
                  {t('rewards.card.level', { level: l })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('rewards.preview.birthMonth')}>
          {(props) => (
            <select
              {...props}
              name="birthMonth"
              value={draft.birthMonth}
              onChange={(e) => set({ birthMonth: e.target.value })}
            >
              <option value="">{t('rewards.preview.unknown')}</option>
              {months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          type="date"
          label={t('rewards.preview.kidsFrom')}
          hint={t('rewards.preview.kidsHint')}
          name="kidsFrom"
          value={draft.kidsFrom}
          onChange={(kidsFrom) => set({ kidsFrom })}
        />
      </div>
    </>
  );
}
