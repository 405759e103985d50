import type { BusinessCalendar } from '../calendar/business-days.ts';

/**
 * Taiwan's 2026 bank holidays (weekdays only; weekends are closed anyway), as the DGPA
 * (行政院人事行政總處) schedules them: observed days move a holiday that falls on a weekend to
 * the adjacent Friday or Monday. Derived from the published rules, not copied from the official
 * calendar file: verify each year before relying on it, and add later years as data.
 */
export const TW_BUSINESS_CALENDAR_2026: BusinessCalendar = {
  holidays: [
    '2026-01-01', // 元旦
    '2026-02-16', // 除夕
    '2026-02-17', // 春節
    '2026-02-18',
    '2026-02-19',
    '2026-02-20', // 小年夜 fell on Sunday 2/15: observed Friday
    '2026-02-27', // 和平紀念日 2/28 is a Saturday: observed Friday
    '2026-04-03', // 兒童節 4/4 is a Saturday: observed Friday
    '2026-04-06', // 清明節 4/5 is a Sunday: observed Monday
    '2026-05-01', // 勞動節
    '2026-06-19', // 端午節
    '2026-09-25', // 中秋節
    '2026-09-28', // 教師節 (a national holiday again from 2025)
    '2026-10-09', // 國慶日 10/10 is a Saturday: observed Friday
    '2026-10-26', // 臺灣光復節 10/25 is a Sunday: observed Monday
    '2026-12-25', // 行憲紀念日
  ],
  // 2026 schedules no make-up Saturdays (補班); earlier years did, which is why this list exists.
  makeUpWorkdays: [],
};
