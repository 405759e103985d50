import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../../../components/field.tsx';
import { useFormMutation } from '../../../hooks/use-form-mutation.ts';
import { formatTaipeiDateTime } from '../../lib/format.ts';
import { Outcome } from '../cards/history-table.tsx';
import { issuesAt, issuesOf } from '../form-issues.ts';
import {
  type CalendarDay,
  type CalendarYearView,
  putCalendarYear,
  useCalendarChanged,
} from './calendar-api.ts';
import { DayList } from './day-list.tsx';

type ListName = 'holidays' | 'makeUpWorkdays';

interface YearFormProps {
  year: number;
  /** The year as stored; absent for a year the calendar does not have yet. */
  stored: CalendarYearView | undefined;
}

/** One year's holidays and make-up working days, replaced whole on save. */
export function YearForm({ year, stored }: YearFormProps) {
  const { t, i18n } = useTranslation();
  const changed = useCalendarChanged();
  const [lists, setLists] = useState<Record<ListName, CalendarDay[]>>({
    holidays: stored?.holidays ?? [],
    makeUpWorkdays: stored?.makeUpWorkdays ?? [],
  });
  const { errors, mutation, submitWith } = useFormMutation({
    mutationFn: () => putCalendarYear(year, lists),
    onSuccess: () => changed(),
  });
  const issues = issuesOf(mutation.error);
  const C = 'rewards.admin.calendar';
  const setList = (list: ListName) => (days: CalendarDay[]) => setLists((l) => ({ ...l, [list]: days }));
  return (
    <form
      className="card rewards-admin-form"
      onSubmit={submitWith(() => mutation.mutate())}
      noValidate
      data-testid="calendar-year-form"
      data-year={year}
    >
      <h2 className="section-title">{t(`${C}.yearTitle`, { year })}</h2>
      <p className="muted" data-testid="calendar-year-status">
        {!stored
          ? t(`${C}.notStored`, { year })
          : stored.updatedBy === null
            ? t(`${C}.shipped`)
            : t(`${C}.changedAt`, { when: formatTaipeiDateTime(stored.updatedAt, i18n.language) })}
      </p>
      <DayList
        list="holidays"
        title={t(`${C}.holidays`)}
        hint={t(`${C}.holidaysHint`)}
        year={year}
        days={lists.holidays}
        onChange={setList('holidays')}
        issueAt={(i) => issuesAt(issues, `holidays/${i}`)}
      />
      <DayList
        list="makeUpWorkdays"
        title={t(`${C}.makeUpWorkdays`)}
        hint={t(`${C}.makeUpWorkdaysHint`)}
        year={year}
        days={lists.makeUpWorkdays}
        onChange={setList('makeUpWorkdays')}
        issueAt={(i) => issuesAt(issues, `makeUpWorkdays/${i}`)}
      />
      <Outcome
        message={
          mutation.data
            ? t(`${C}.saved`, {
                year,
                holidays: mutation.data.holidays.length,
                workdays: mutation.data.makeUpWorkdays.length,
              })
            : null
        }
        testId="calendar-outcome"
      />
      <FormFooter error={errors.form} submitLabel={t(`${C}.save`, { year })} disabled={mutation.isPending} />
    </form>
  );
}
