import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from './calendar-api.ts';

interface DayListProps {
  list: 'holidays' | 'makeUpWorkdays';
  title: string;
  hint: string;
  year: number;
  days: CalendarDay[];
  onChange: (days: CalendarDay[]) => void;
  /** The server's message for a row, if it refused it. */
  issueAt: (index: number) => string | undefined;
}

/** A list of dated, named days: a row each (date, name, remove), and a button to add one. */
export function DayList({ list, title, hint, year, days, onChange, issueAt }: DayListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const C = 'rewards.admin.calendar';
  const update = (index: number, patch: Partial<CalendarDay>) =>
    onChange(days.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  return (
    <fieldset className="calendar-days" data-list={list} aria-labelledby={headingId}>
      <legend id={headingId} className="calendar-days-title">
        {title}
      </legend>
      <p className="field-hint">{hint}</p>
      {days.length === 0 && <p className="muted">{t(`${C}.none`)}</p>}
      <ol className="calendar-day-rows">
        {days.map((day, i) => {
          const error = issueAt(i);
          // Rows have no ids of their own; position is what the server's field paths name too.
          const key = `${list}-${i}`;
          return (
            <li key={key} className={error ? 'calendar-day field-invalid' : 'calendar-day'} data-row={i}>
              <input
                type="date"
                name={`${list}.${i}.date`}
                aria-label={t(`${C}.date`)}
                value={day.date}
                min={`${year}-01-01`}
                max={`${year}-12-31`}
                aria-invalid={Boolean(error)}
                onChange={(e) => update(i, { date: e.target.value })}
              />
              <input
                type="text"
                name={`${list}.${i}.name`}
                aria-label={t(`${C}.dayName`)}
                placeholder={t(`${C}.dayName`)}
                value={day.name}
                maxLength={100}
                aria-invalid={Boolean(error)}
                onChange={(e) => update(i, { name: e.target.value })}
              />
              <button
                type="button"
                className="btn btn-small"
                onClick={() => onChange(days.filter((_, j) => j !== i))}
              >
                {t(`${C}.remove`)}
              </button>
              {error && (
                <span className="field-error calendar-day-error" role="alert">
                  {error}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn"
        onClick={() => onChange([...days, { date: '', name: '' }])}
        data-testid={`add-${list}`}
      >
        {t(list === 'holidays' ? `${C}.addHoliday` : `${C}.addWorkday`)}
      </button>
    </fieldset>
  );
}
