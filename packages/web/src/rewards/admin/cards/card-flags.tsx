import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, TextField } from '../../../components/field.tsx';
import { useErrorText } from '../../../hooks/use-error-text.ts';
import { useFormMutation } from '../../../hooks/use-form-mutation.ts';
import type { AdminCardView, FlagChange } from '../../api/admin-card-types.ts';
import { clearCardFlag, grantCardFlag } from '../../api/admin-cards.ts';
import { formatCalendarDate, formatTaipeiDateTime } from '../../lib/format.ts';
import { InlineForm } from '../inline-form.tsx';
import { useCatalog } from '../use-catalog.ts';
import { currentFlags, type FlagRun, flagsInProgram } from './card-status.ts';
import { HistoryTable, Outcome } from './history-table.tsx';
import { useAdminCardChanged } from './use-admin-card.ts';

type Notify = (message: string) => void;

/** The message for each decision, by whether it wrote anything. */
const FLAG_OUTCOMES = {
  grant: { wrote: 'rewards.admin.cards.flagSet', same: 'rewards.admin.cards.flagSetUnchanged' },
  revoke: { wrote: 'rewards.admin.cards.flagCleared', same: 'rewards.admin.cards.flagClearUnchanged' },
} as const;

/** Says what a flag decision came to, in the UI language. */
function useFlagOutcome(): (change: FlagChange, action: 'grant' | 'revoke') => string {
  const { t, i18n } = useTranslation();
  return (change, action) => {
    const values = { flag: change.flag, date: formatCalendarDate(change.effectiveFrom, i18n.language) };
    if (action === 'grant' && change.changed && change.until)
      return t('rewards.admin.cards.flagSetUntil', {
        ...values,
        until: formatCalendarDate(change.until, i18n.language),
      });
    return t(FLAG_OUTCOMES[action][change.changed ? 'wrote' : 'same'], values);
  };
}

/** The card's eligibility flags with their dates, clear buttons, the form to set one, and the history. */
export function CardFlags({ card }: { card: AdminCardView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const flags = currentFlags(card);
  // One place for what the last decision came to: a cleared flag's row is gone once it is read again.
  const [notice, setNotice] = useState<string | null>(null);
  const history = [...card.flagHistory]
    .reverse()
    .map((d): [string, ...string[]] => [
      `${d.at}-${d.flag}-${d.effectiveFrom}-${d.action}`,
      d.flag,
      t(`rewards.admin.cards.action.${d.action}`),
      formatCalendarDate(d.effectiveFrom, lang),
      formatTaipeiDateTime(d.at, lang),
    ]);
  return (
    <section className="card rewards-admin-form" data-testid="card-flags-section">
      <h2 className="section-title">{t('rewards.admin.cards.flags')}</h2>
      {flags.length === 0 ? (
        <p className="muted" data-testid="flag-list">
          {t('rewards.admin.cards.noFlags')}
        </p>
      ) : (
        <ul className="rewards-admin-flags" data-testid="flag-list">
          {flags.map((run) => (
            <FlagRow key={`${run.flag}-${run.from}`} cardId={card.id} run={run} onDone={setNotice} />
          ))}
        </ul>
      )}
      <Outcome message={notice} testId="flag-outcome" />
      <GrantFlagForm cardId={card.id} onDone={setNotice} />
      <HistoryTable
        title={t('rewards.admin.cards.flagHistory')}
        headers={[
          t('rewards.admin.cards.flagName'),
          t('rewards.admin.cards.decision'),
          t('rewards.admin.cards.from'),
          t('rewards.admin.cards.decidedAt'),
        ]}
        rows={history}
        empty={t('rewards.admin.cards.noFlags')}
        testId="flag-history"
      />
    </section>
  );
}

/** One flag and its window; clearing it stops it counting from the 1st of next month. */
function FlagRow({ cardId, run, onDone }: { cardId: string; run: FlagRun; onDone: Notify }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const changed = useAdminCardChanged();
  const errorText = useErrorText();
  const outcome = useFlagOutcome();
  const mutation = useMutation({
    mutationFn: () => clearCardFlag(cardId, run.flag),
    onSuccess: async (change) => {
      onDone(outcome(change, 'revoke'));
      await changed();
    },
  });
  return (
    <li className="rewards-admin-flag" data-flag={run.flag}>
      <div>
        <code className="rewards-admin-flag-name">{run.flag}</code>{' '}
        <span className="muted" data-testid="flag-window">
          {t('rewards.admin.window', {
            from: formatCalendarDate(run.from, lang),
            to: run.until ? formatCalendarDate(run.until, lang) : t('rewards.admin.cards.flagOpen'),
          })}
        </span>
      </div>
      <button
        type="button"
        className="btn btn-outline btn-small"
        disabled={mutation.isPending}
        onClick={() => {
          onDone('');
          mutation.mutate();
        }}
      >
        {t('rewards.admin.cards.clearFlag')}
      </button>
      <FormError message={mutation.isError ? errorText(mutation.error) : null} />
    </li>
  );
}

/** Sets a flag from the 1st of next month, until an optional end date or until cleared. */
function GrantFlagForm({ cardId, onDone }: { cardId: string; onDone: Notify }) {
  const { t } = useTranslation();
  const changed = useAdminCardChanged();
  const outcome = useFlagOutcome();
  const suggestions = flagsInProgram(useCatalog().data);
  const [flag, setFlag] = useState('');
  const [until, setUntil] = useState('');
  const form = useFormMutation({
    mutationFn: () => {
      onDone('');
      return grantCardFlag(cardId, { flag: flag.trim(), ...(until ? { until } : {}) });
    },
    onSuccess: async (change) => {
      onDone(outcome(change, 'grant'));
      setFlag('');
      setUntil('');
      await changed();
    },
  });
  const { fields } = form.errors;
  return (
    <InlineForm
      title={t('rewards.admin.cards.setFlag')}
      submitLabel={t('rewards.admin.cards.setFlag')}
      form={form}
      testId="flag-form"
    >
      <div className="rewards-admin-pair">
        <TextField
          label={t('rewards.admin.cards.flagName')}
          hint={t('rewards.admin.cards.flagHint')}
          name="flag"
          list="program-flags"
          autoCapitalize="none"
          spellCheck={false}
          value={flag}
          onChange={setFlag}
          // The catalog's sentence for the server's code (`not_flag_name`), in the reader's language.
          error={fields.flag}
        />
        <TextField
          type="date"
          label={t('rewards.admin.cards.untilOptional')}
          hint={t('rewards.admin.cards.untilHint')}
          name="until"
          value={until}
          onChange={setUntil}
          error={fields.until ? t('rewards.admin.cards.untilInvalid') : undefined}
        />
        <datalist id="program-flags">
          {suggestions.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
      </div>
      <p className="muted">{t('rewards.admin.cards.nextMonthRule')}</p>
    </InlineForm>
  );
}
