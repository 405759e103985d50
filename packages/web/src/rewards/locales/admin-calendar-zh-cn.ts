import type { adminCalendarEn } from './admin-calendar-en.ts';
import type { Widen } from './types.ts';

/** 营业日日历（简体中文）。 */
export const adminCalendarZhCN: Widen<typeof adminCalendarEn> = {
  intro:
    '积分在营业日转为可用。假日是银行休息的工作日；补班日是银行上班的周六或周日。请按人事行政总处的“政府行政机关办公日历表”逐年输入。',
  years: '年份',
  yearTitle: '{{year}} 年营业日',
  notStored: '日历中还没有 {{year}} 年：保存之前，该年的工作日一律视为营业日。',
  shipped: 'Plaza 内置数据：请与人事行政总处公布的日历表核对。',
  changedAt: '最后修改：{{when}}',
  holidays: '假日',
  holidaysHint: '银行休息的工作日，包括补假日（假日逢周六在前一个上班日补假）。',
  makeUpWorkdays: '补班日',
  makeUpWorkdaysHint: '银行上班的周六或周日。',
  none: '无。',
  date: '日期',
  dayName: '名称，例如：开国纪念日',
  remove: '移除',
  addHoliday: '添加假日',
  addWorkday: '添加补班日',
  save: '保存 {{year}} 年',
  saved: '已保存 {{year}} 年：假日 {{holidays}} 天、补班日 {{workdays}} 天。营业日即刻起按此计算。',
  missingYear: '日历中还没有 {{year}} 年：自 {{date}} 起，所有工作日（包括假日）都会被视为营业日（推定）。',
  addYear: '输入 {{year}} 年',
};
