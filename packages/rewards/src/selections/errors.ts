import { ConflictError, ForbiddenError, ValidationError } from '@plaza/kernel';
import type { LocalizedText } from '../program/types.ts';
import type { Ineligibility } from './eligibility.ts';

/** §1.2: 附卡適用方案依正卡持卡人設定為準 — only the primary card switches. */
export class SupplementaryFollowsPrimaryError extends ForbiddenError {
  override name = 'SupplementaryFollowsPrimaryError';
  constructor() {
    super(
      'A supplementary card follows the plan of its primary card; the primary cardholder changes it.',
      'supplementary_follows_primary',
    );
  }
}

export class PlanNotAvailableError extends ValidationError {
  override name = 'PlanNotAvailableError';
  constructor(planId: string) {
    super(
      `The plan "${planId}" is not on the shelf now.`,
      [{ field: '/planId', code: 'plan_not_available', message: 'is not on the shelf' }],
      'plan_not_available',
    );
  }
}

/** §1.2: 每正卡人每日限變更一次. */
export class AlreadySwitchedTodayError extends ConflictError {
  override name = 'AlreadySwitchedTodayError';
  constructor(
    readonly taipeiDate: string,
    readonly nextSwitchDate: string,
    /** 00:00 Asia/Taipei of the next day, epoch ms. */
    readonly nextSwitchAt: number,
  ) {
    super(
      `The plan was already changed today (${taipeiDate}, Asia/Taipei); a plan can be changed once a day. ` +
        `The next change is possible from ${nextSwitchDate} 00:00 Asia/Taipei (${new Date(nextSwitchAt).toISOString()}).`,
      'already_switched_today',
      [],
      { nextSwitchDate },
    );
  }
}

/** The plan's eligibility (birth month, a flag such as 童樂匯's `kids`) is not met today. */
export class PlanNotEligibleError extends ValidationError {
  override name = 'PlanNotEligibleError';
  constructor(
    readonly reason: Ineligibility,
    text: LocalizedText,
  ) {
    super(text.en, [{ field: '/planId', code: reason.code, message: text.en }], reason.code);
  }
}
