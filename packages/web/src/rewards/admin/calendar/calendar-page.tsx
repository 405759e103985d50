import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router';
import { ErrorBox, Loading } from '../../../components/states.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { type CalendarView, type MissingYear, useCalendar } from './calendar-api.ts';
import { YearForm } from './year-form.tsx';
import '../warning.css';
import './calendar.css';

/** The years a bank may open: those stored, those the warnings name, and the one after the last. */
export function yearChoices(view: CalendarView): number[] {
  const stored = view.years.map((y) => y.year);
  const todayYear = Number(view.today.slice(0, 4));
  const next = Math.max(todayYear, ...stored) + 1;
  return [...new Set([...stored, ...view.warnings.map((w) => w.year), next])].sort((a, b) => a - b);
}

/** `/rewards/admin/calendar[/:year]`: the business days the bank keeps, a year at a time. */
export function CalendarPage() {
  const { t } = useTranslation();
  const params = useParams();
  const calendar = useCalendar();
  if (calendar.isPending) return <Loading />;
  if (calendar.isError) return <ErrorBox error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const view = calendar.data;
  const asked = Number(params.year ?? view.today.slice(0, 4));
  const year =
    Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(view.today.slice(0, 4));
  const stored = view.years.find((y) => y.year === year);
  return (
    <section className="rewards-section">
      <p className="muted">{t('rewards.admin.calendar.intro')}</p>
      <MissingYears warnings={view.warnings} />
      <nav className="calendar-years" aria-label={t('rewards.admin.calendar.years')}>
        {yearChoices(view).map((y) => (
          <NavLink
            key={y}
            to={`/rewards/admin/calendar/${y}`}
            className={() => (y === year ? 'calendar-year active' : 'calendar-year')}
            aria-current={y === year ? 'page' : undefined}
            data-year={y}
            data-stored={view.years.some((s) => s.year === y) ? 'yes' : 'no'}
          >
            {y}
          </NavLink>
        ))}
      </nav>
      {/* Keyed by year only: a save refetches the calendar, and the form keeps its outcome. */}
      <YearForm key={year} year={year} stored={stored} />
    </section>
  );
}

/** Years ahead the calendar lacks: their weekdays count as business days, holidays included. */
function MissingYears({ warnings }: { warnings: MissingYear[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="notice rewards-admin-warning" role="status" data-testid="calendar-warnings">
      <ul>
        {warnings.map((w) => (
          <li key={w.year} data-year={w.year}>
            {t('rewards.admin.calendar.missingYear', {
              year: w.year,
              date: formatCalendarDate(w.from, i18n.language),
            })}{' '}
            <NavLink to={`/rewards/admin/calendar/${w.year}`}>
              {t('rewards.admin.calendar.addYear', { year: w.year })}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
