import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

/** The business-day calendar's shapes (`packages/rewards/src/admin/calendar-routes.ts`). */

export interface CalendarDay {
  date: string;
  name: string;
}

export interface CalendarYearView {
  year: number;
  holidays: CalendarDay[];
  makeUpWorkdays: CalendarDay[];
  updatedAt: number;
  /** null: shipped with Plaza. */
  updatedBy: string | null;
}

export interface MissingYear {
  code: 'calendar_year_missing';
  year: number;
  /** The first date of that year the engine meets. */
  from: string;
}

export interface CalendarView {
  today: string;
  years: CalendarYearView[];
  warnings: MissingYear[];
}

const URL = '/api/rewards/v1/admin/calendar';
export const CALENDAR_KEY = ['rewards', 'admin', 'calendar'] as const;

export const useCalendar = () =>
  useQuery({ queryKey: CALENDAR_KEY, queryFn: () => api<CalendarView>('GET', URL) });

export const putCalendarYear = (year: number, days: Pick<CalendarYearView, 'holidays' | 'makeUpWorkdays'>) =>
  api<CalendarYearView>('PUT', `${URL}/${year}`, days);

/** After an edit: the calendar and its warnings changed. */
export function useCalendarChanged(): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: CALENDAR_KEY });
}
