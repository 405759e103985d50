import type { adminCalendarEn } from './admin-calendar-en.ts';
import type { Widen } from './types.ts';

/** 營業日行事曆（繁體中文）。 */
export const adminCalendarZhTW: Widen<typeof adminCalendarEn> = {
  intro:
    '點數於營業日轉為可用。假日是銀行休息的平日；補班日是銀行上班的週六或週日。請依人事行政總處的「政府行政機關辦公日曆表」逐年輸入。',
  years: '年度',
  yearTitle: '{{year}} 年營業日',
  notStored: '行事曆尚無 {{year}} 年：儲存前，該年的平日一律視為營業日。',
  shipped: 'Plaza 內建資料：請與人事行政總處公布的日曆表核對。',
  changedAt: '最後修改：{{when}}',
  holidays: '假日',
  holidaysHint: '銀行休息的平日，包含補假日（假日逢週六於前一個上班日補假）。',
  makeUpWorkdays: '補班日',
  makeUpWorkdaysHint: '銀行上班的週六或週日。',
  none: '無。',
  date: '日期',
  dayName: '名稱，例如：開國紀念日',
  remove: '移除',
  addHoliday: '新增假日',
  addWorkday: '新增補班日',
  save: '儲存 {{year}} 年',
  saved: '已儲存 {{year}} 年：假日 {{holidays}} 天、補班日 {{workdays}} 天。營業日自即刻起依此計算。',
  missingYear: '行事曆尚無 {{year}} 年：自 {{date}} 起，所有平日（包含假日）都會被視為營業日（推定）。',
  addYear: '輸入 {{year}} 年',
};
