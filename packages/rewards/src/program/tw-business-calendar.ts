import { businessCalendarOf, type CalendarYear } from '../calendar/business-days.ts';

/**
 * Taiwan's bank holidays for the years Plaza ships (weekdays only; weekends are closed anyway),
 * as the DGPA (行政院人事行政總處) publishes them in its 政府行政機關辦公日曆表. Banks follow
 * this calendar. From here they go into the calendar tables (migration
 * `20261203T100000-rewards-business-calendar`), where the bank edits them in the console and
 * adds later years; this constant is only the first content of those tables and the calendar of
 * programs written as code (tests).
 *
 * Rules behind the dates (紀念日及節日實施條例, 2025, and the DGPA's 處理要點 of 2025-06-13): a
 * holiday on a Saturday is observed the working day before, on a Sunday the working day after;
 * 除夕 and 春節 days on a weekend are observed on the next working days; 除夕前一日 (小年夜),
 * 勞動節 (1 May), 教師節 (28 Sep), 臺灣光復暨金門古寧頭大捷紀念日 (25 Oct) and 行憲紀念日
 * (25 Dec) are holidays for government since 2025; there are no more 調整放假 with make-up
 * Saturdays, so both years have no 補班日.
 *
 * 2026 (115年) is the published table: 行政院 114-06-13 院授人培字第11430248312號函, as relayed
 * by schools' notices (e.g. gsps.chc.edu.tw/index.php/posts/1041) and matching OOCL Taiwan's
 * office calendar. 2027 (116年) is derived from the rules above and the lunar dates (除夕
 * 2027-02-05, 春節 from 2027-02-06, 端午 06-09, 中秋 09-15, 清明 04-05); the published 116年 table
 * was not available to check it against, so the bank should compare it with the DGPA's table in
 * the console. A third-party list (días-feriados.com, under the pre-2025 rules) agrees on every
 * date it shares with it.
 */
export const TW_CALENDAR_YEARS: readonly CalendarYear[] = [
  {
    year: 2026,
    holidays: [
      { date: '2026-01-01', name: '開國紀念日' },
      { date: '2026-02-16', name: '除夕' },
      { date: '2026-02-17', name: '春節' },
      { date: '2026-02-18', name: '春節' },
      { date: '2026-02-19', name: '春節' },
      { date: '2026-02-20', name: '除夕前一日（2/15 週日）補假' },
      { date: '2026-02-27', name: '和平紀念日（2/28 週六）補假' },
      { date: '2026-04-03', name: '兒童節（4/4 週六）補假' },
      { date: '2026-04-06', name: '清明節（4/5 週日）補假' },
      { date: '2026-05-01', name: '勞動節' },
      { date: '2026-06-19', name: '端午節' },
      { date: '2026-09-25', name: '中秋節' },
      { date: '2026-09-28', name: '孔子誕辰紀念日／教師節' },
      { date: '2026-10-09', name: '國慶日（10/10 週六）補假' },
      { date: '2026-10-26', name: '臺灣光復暨金門古寧頭大捷紀念日（10/25 週日）補假' },
      { date: '2026-12-25', name: '行憲紀念日' },
    ],
    makeUpWorkdays: [],
  },
  {
    year: 2027,
    holidays: [
      { date: '2027-01-01', name: '開國紀念日' },
      { date: '2027-02-04', name: '除夕前一日' },
      { date: '2027-02-05', name: '除夕' },
      { date: '2027-02-08', name: '春節' },
      { date: '2027-02-09', name: '春節（2/6 週六）補假' },
      { date: '2027-02-10', name: '春節（2/7 週日）補假' },
      { date: '2027-03-01', name: '和平紀念日（2/28 週日）補假' },
      { date: '2027-04-05', name: '清明節' },
      { date: '2027-04-06', name: '兒童節（4/4 週日）補假' },
      { date: '2027-04-30', name: '勞動節（5/1 週六）補假' },
      { date: '2027-06-09', name: '端午節' },
      { date: '2027-09-15', name: '中秋節' },
      { date: '2027-09-28', name: '孔子誕辰紀念日／教師節' },
      { date: '2027-10-11', name: '國慶日（10/10 週日）補假' },
      { date: '2027-10-25', name: '臺灣光復暨金門古寧頭大捷紀念日' },
      { date: '2027-12-24', name: '行憲紀念日（12/25 週六）補假' },
      { date: '2027-12-31', name: '開國紀念日（2028/1/1 週六）補假' },
    ],
    makeUpWorkdays: [],
  },
];

/** The shipped years as a calendar, for programs written as code. */
export const TW_BUSINESS_CALENDAR = businessCalendarOf(TW_CALENDAR_YEARS);
