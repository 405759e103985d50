import { type CalendarDate, monthNumber } from '../calendar/taipei-date.ts';
import type { CardState } from '../earning/types.ts';
import type { Eligibility, LocalizedText } from '../program/types.ts';

/**
 * Who may choose a plan on a date. The sources make these conditions of choosing, not only of
 * earning: 童樂匯's eligible holders "may switch from the 1st of next month" (§1.4), and 慶生月
 * exists for the birth month only. The engine keeps its own check (a plan chosen in the birth
 * month stays selected into the next month, where it earns the general rate only).
 */
export type Ineligibility =
  | {
      readonly code: 'not_birth_month';
      readonly birthMonth: number | null;
      readonly eligibleFrom: CalendarDate | null;
    }
  | { readonly code: 'not_eligible'; readonly flag: string; readonly eligibleFrom: CalendarDate | null };

/** The 1st of the next month that is the birth month, from a date (the date's own month counts). */
function nextBirthMonthStart(birthMonth: number, date: CalendarDate): CalendarDate {
  const year = Number(date.slice(0, 4)) + (birthMonth < monthNumber(date) ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(birthMonth).padStart(2, '0')}-01`;
}

/** Why the card may not choose a plan with this eligibility on `date`, or null when it may. */
export function ineligibility(
  eligibility: Eligibility,
  card: CardState,
  date: CalendarDate,
): Ineligibility | null {
  switch (eligibility.kind) {
    case 'everyone':
      return null;
    case 'birth_month':
      if (card.birthMonth !== null && card.birthMonth === monthNumber(date)) return null;
      return {
        code: 'not_birth_month',
        birthMonth: card.birthMonth,
        eligibleFrom: card.birthMonth === null ? null : nextBirthMonthStart(card.birthMonth, date),
      };
    case 'flag': {
      const from = card.eligibleFrom[eligibility.flag];
      if (from !== undefined && from <= date) return null;
      return { code: 'not_eligible', flag: eligibility.flag, eligibleFrom: from ?? null };
    }
  }
}

/** One sentence per reason, in both languages, for the card app and the error detail. */
export function ineligibilityText(reason: Ineligibility, plan: LocalizedText): LocalizedText {
  if (reason.code === 'not_birth_month') {
    if (reason.birthMonth === null) {
      return {
        'zh-TW': `${plan['zh-TW']}限生日當月選用，此卡尚無生日月份資料。`,
        en: `${plan.en} can be chosen in the cardholder's birth month only, and this card has no birth month on file.`,
      };
    }
    return {
      'zh-TW': `${plan['zh-TW']}限生日當月（${reason.birthMonth} 月）選用，${reason.eligibleFrom} 起可選。`,
      en: `${plan.en} can be chosen in the cardholder's birth month (month ${reason.birthMonth}) only: from ${reason.eligibleFrom}.`,
    };
  }
  if (reason.eligibleFrom !== null) {
    return {
      'zh-TW': `${plan['zh-TW']}須符合資格，此卡自 ${reason.eligibleFrom} 起可選用。`,
      en: `${plan.en} needs eligibility (${reason.flag}); this card may choose it from ${reason.eligibleFrom}.`,
    };
  }
  return {
    'zh-TW': `${plan['zh-TW']}僅限符合資格的持卡人選用。`,
    en: `${plan.en} is for eligible cardholders only (${reason.flag}).`,
  };
}
