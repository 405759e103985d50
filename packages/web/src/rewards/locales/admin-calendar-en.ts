/** English strings of the console's business-day calendar (`/rewards/admin/calendar`). */
export const adminCalendarEn = {
  intro:
    'Points become available on business days. Holidays are weekdays the bank is closed; make-up working days are Saturdays or Sundays it works. Enter each year from the DGPA’s office calendar (政府行政機關辦公日曆表).',
  years: 'Years',
  yearTitle: 'Business days of {{year}}',
  notStored: 'The calendar has no {{year}} yet: until you save it, its weekdays count as business days.',
  shipped: 'As shipped with Plaza: compare it with the DGPA’s published calendar.',
  changedAt: 'Last changed {{when}}',
  holidays: 'Holidays',
  holidaysHint:
    'Weekdays the bank is closed, observed days included (a Saturday holiday is observed on the Friday before).',
  makeUpWorkdays: 'Make-up working days',
  makeUpWorkdaysHint: 'Saturdays or Sundays the bank works (補班日).',
  none: 'None.',
  date: 'Date',
  dayName: 'Name, e.g. 開國紀念日',
  remove: 'Remove',
  addHoliday: 'Add a holiday',
  addWorkday: 'Add a make-up working day',
  save: 'Save {{year}}',
  saved:
    'Saved {{year}}: {{holidays}} holidays, {{workdays}} make-up working days. Business days count with it from now.',
  missingYear:
    'The calendar has no {{year}}: from {{date}} every weekday counts as a business day (assumed), holidays included.',
  addYear: 'Enter {{year}}',
};
