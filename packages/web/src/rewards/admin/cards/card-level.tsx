import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, TextField } from '../../../components/field.tsx';
import { useFormMutation } from '../../../hooks/use-form-mutation.ts';
import type { AdminCardView, LevelChange } from '../../api/admin-card-types.ts';
import { changeCardLevel } from '../../api/admin-cards.ts';
import type { CardLevel as Level } from '../../api/types.ts';
import { formatCalendarDate, formatTaipeiDateTime } from '../../lib/format.ts';
import { InlineForm } from '../inline-form.tsx';
import { HistoryTable, Outcome } from './history-table.tsx';
import { useAdminCardChanged } from './use-admin-card.ts';

const LEVELS = ['1', '2', '3'] as const;

/** The card's level decisions, and the form that decides the next one (from the 1st of next month). */
export function CardLevel({ card }: { card: AdminCardView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = [...card.levelHistory]
    .reverse()
    .map((d): [string, ...string[]] => [
      `${d.at}-${d.effectiveFrom}-${d.level}`,
      formatCalendarDate(d.effectiveFrom, lang),
      t('rewards.card.level', { level: d.level }),
      d.reason ?? '',
      formatTaipeiDateTime(d.at, lang),
    ]);
  return (
    <section className="card rewards-admin-form" data-testid="card-level-section">
      <h2 className="section-title">{t('rewards.admin.cards.level')}</h2>
      <LevelForm card={card} />
      <HistoryTable
        title={t('rewards.admin.cards.levelHistory')}
        headers={[
          t('rewards.admin.cards.from'),
          t('rewards.admin.cards.level'),
          t('rewards.admin.cards.reason'),
          t('rewards.admin.cards.decidedAt'),
        ]}
        rows={rows}
        empty={t('rewards.admin.cards.noLevelChanges')}
        testId="level-history"
      />
    </section>
  );
}

function LevelForm({ card }: { card: AdminCardView }) {
  const { t, i18n } = useTranslation();
  const changed = useAdminCardChanged();
  const [level, setLevel] = useState<string>(String(card.pendingLevel?.level ?? card.level));
  const [reason, setReason] = useState('');
  const form = useFormMutation({
    mutationFn: () => {
      const why = reason.trim();
      return changeCardLevel(card.id, { level: Number(level) as Level, ...(why ? { reason: why } : {}) });
    },
    onSuccess: async () => {
      setReason('');
      await changed();
    },
  });
  const outcome = (done: LevelChange) =>
    t(done.changed ? 'rewards.admin.cards.levelChanged' : 'rewards.admin.cards.levelUnchanged', {
      level: done.level,
      date: formatCalendarDate(done.effectiveFrom, i18n.language),
    });
  return (
    <InlineForm
      title={t('rewards.admin.cards.changeLevel')}
      submitLabel={t('rewards.admin.cards.changeLevel')}
      form={form}
      testId="level-form"
    >
      <div className="rewards-admin-pair">
        <Field label={t('rewards.admin.cards.newLevel')} error={form.errors.fields.level}>
          {(props) => (
            <select {...props} name="level" value={level} onChange={(e) => setLevel(e.target.value)}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t('rewards.card.level', { level: l })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('rewards.admin.cards.reason')}
          hint={t('rewards.admin.cards.reasonHint')}
          name="reason"
          maxLength={200}
          value={reason}
          onChange={setReason}
          error={form.errors.fields.reason}
        />
      </div>
      <p className="muted">{t('rewards.admin.cards.nextMonthRule')}</p>
      <Outcome message={form.mutation.data ? outcome(form.mutation.data) : null} testId="level-outcome" />
    </InlineForm>
  );
}
