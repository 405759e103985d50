import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../components/field.tsx';
import { useErrorText } from '../../hooks/use-error-text.ts';
import { previewEarnings } from '../api/admin.ts';
import { epochToTaipeiLocal } from '../lib/taipei-input.ts';
import { issuesOf } from './form-issues.ts';
import { PreviewCard, PreviewMerchant, PreviewPurchase } from './preview-fields.tsx';
import { type PreviewDraft, type PreviewProblem, previewInputFrom } from './preview-input.ts';
import { PreviewResults } from './preview-results.tsx';
import { catalogMerchantIds, useCatalog } from './use-catalog.ts';

const START: Omit<PreviewDraft, 'transactionAt'> = {
  amount: '',
  currency: 'TWD',
  billedTwd: '',
  merchantId: '',
  merchantName: '',
  mcc: '',
  country: 'TW',
  presence: 'in_person',
  installmentCount: '',
  installmentIndex: '',
  level: '1',
  birthMonth: '',
  kidsFrom: '',
};

/** `/rewards/admin/preview`: "this transaction would earn N points under each plan". */
export function PreviewPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const catalog = useCatalog();
  const [draft, setDraft] = useState<PreviewDraft>(() => ({
    ...START,
    transactionAt: epochToTaipeiLocal(Date.now()),
  }));
  const [problems, setProblems] = useState<PreviewProblem[]>([]);
  const preview = useMutation({ mutationFn: previewEarnings });
  const set = (patch: Partial<PreviewDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const issues = issuesOf(preview.error);
  const local = (p: PreviewProblem) => (problems.includes(p) ? t(`rewards.preview.problem.${p}`) : undefined);
  const merchants = catalogMerchantIds(catalog.data);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { input, problems: found } = previewInputFrom(draft);
    setProblems(found);
    if (input) preview.mutate(input);
  };
  return (
    <section className="rewards-section">
      <form className="card rewards-admin-form" onSubmit={submit} noValidate data-testid="preview-form">
        <p className="muted">{t('rewards.preview.intro')}</p>
        <PreviewPurchase draft={draft} set={set} issues={issues} local={local} />
        <PreviewMerchant draft={draft} set={set} issues={issues} merchants={merchants} />
        <PreviewCard draft={draft} set={set} />
        <FormFooter
          error={
            problems.length
              ? t('errors.validation_failed')
              : preview.isError
                ? errorText(preview.error)
                : null
          }
          submitLabel={t('rewards.preview.run')}
          disabled={preview.isPending}
        />
      </form>
      {preview.data && <PreviewResults result={preview.data} />}
    </section>
  );
}
