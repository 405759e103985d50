import { Body, errorResponses, type PlazaApp, requireRole } from '@plaza/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { StoredCalendarYear } from '../calendar/store.ts';
import type { CalendarAdmin } from './calendar-admin.ts';
import { DateText } from './schemas.ts';

const TAGS = ['rewards-admin'];

const Day = Type.Object(
  {
    date: DateText,
    name: Type.String({ minLength: 1, maxLength: 100, description: 'the bank’s label: 元旦, 春節補假, …' }),
  },
  { additionalProperties: false },
);
const YearParams = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
const CalendarYearBody = Body({
  holidays: Type.Array(Day, { maxItems: 60, description: 'weekdays the bank is closed' }),
  makeUpWorkdays: Type.Array(Day, {
    maxItems: 30,
    description: 'Saturdays or Sundays the bank works (補班日)',
  }),
});

const CalendarYearView = Type.Object({
  year: Type.Integer(),
  holidays: Type.Array(Day),
  makeUpWorkdays: Type.Array(Day),
  updatedAt: Type.Integer(),
  /** The admin who last replaced it; null for the years shipped with Plaza. */
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
type CalendarYearView = Static<typeof CalendarYearView>;

const CalendarView = Type.Object({
  /** Today in Taipei, as the warnings judged it. */
  today: Type.String(),
  years: Type.Array(CalendarYearView),
  /**
   * Years from today through 60 days ahead that the calendar lacks: their weekdays count as
   * business days (assumed) until the bank adds them.
   */
  warnings: Type.Array(
    Type.Object({ code: Type.Literal('calendar_year_missing'), year: Type.Integer(), from: Type.String() }),
  ),
});

function yearView(year: StoredCalendarYear): CalendarYearView {
  return {
    year: year.year,
    holidays: year.holidays.map((d) => ({ ...d })),
    makeUpWorkdays: year.makeUpWorkdays.map((d) => ({ ...d })),
    updatedAt: year.updatedAt,
    updatedBy: year.updatedBy,
  };
}

/** The bank's business-day calendar: read all years, read one, replace one. */
export function registerCalendarAdminRoutes(app: PlazaApp, calendar: CalendarAdmin): void {
  app.get(
    '/api/rewards/v1/admin/calendar',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary: 'The business-day calendar (admin): every year it covers, and warnings for years it lacks',
        response: { 200: CalendarView, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const { today, years, warnings } = calendar.overview();
      return { today, years: years.map(yearView), warnings };
    },
  );

  app.get(
    '/api/rewards/v1/admin/calendar/:year',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'One year of the business-day calendar (admin); 404 calendar_year_not_found when it has none',
        params: YearParams,
        response: { 200: CalendarYearView, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return yearView(calendar.year(request.params.year));
    },
  );

  app.put(
    '/api/rewards/v1/admin/calendar/:year',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: TAGS,
        summary:
          'Replace (or add) a year of the business-day calendar (admin): its holidays and make-up working days; business-day counts use it at once',
        params: YearParams,
        body: CalendarYearBody,
        response: { 200: CalendarYearView, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = requireRole(request, 'admin');
      return yearView(await calendar.putYear(request.params.year, request.body, accountId));
    },
  );
}
