import { type FieldIssue, fieldIssue, type IssueParams } from '@plaza/kernel';
import { isCalendarDate } from '../calendar/taipei-date.ts';
import {
  type Channel,
  type ChannelRate,
  EARNING_ROUNDINGS,
  type MccSpec,
  type Plan,
  type PlanVersion,
  type Program,
  type ProgramSettings,
  type ShelfWindow,
} from './types.ts';

/**
 * Checks program data before it is used: the engine trusts it (no overlapping windows, rates at
 * or above the general rate, caps naming real channels). The admin API answers these issues as a
 * 400 and writes nothing; every snapshot the program source serves has passed it.
 */
export function checkProgram(program: Program): FieldIssue[] {
  const issues: FieldIssue[] = [...checkSettings(program.settings)];
  const versionIds = new Set<string>();
  program.plans.forEach((plan, p) => {
    if (program.plans.findIndex((other) => other.id === plan.id) !== p) {
      issues.push({ field: `/plans/${p}/id`, code: 'duplicate', message: `duplicate plan id ${plan.id}` });
    }
    issues.push(...checkPlan(plan, `/plans/${p}`, program.settings.generalRateBps, versionIds));
  });
  return issues;
}

function isWhole(value: number, min = 0): boolean {
  return Number.isSafeInteger(value) && value >= min;
}

function checkSettings(settings: ProgramSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, code: string, message: string, params?: IssueParams) =>
    issues.push(fieldIssue(`/settings/${field}`, code, message, params));
  if (!isWhole(settings.generalRateBps))
    add('generalRateBps', 'too_small', 'must be a whole number of basis points', { min: 0 });
  if (!isWhole(settings.pointValue.points, 1) || !isWhole(settings.pointValue.perTwd, 1)) {
    add('pointValue', 'too_small', 'points and perTwd must be positive integers', { min: 1 });
  }
  if (!isWhole(settings.availableAfterBusinessDays))
    add('availableAfterBusinessDays', 'too_small', 'must be ≥ 0', { min: 0 });
  const since = settings.installmentGeneralOnlySince;
  if (since !== null && !isCalendarDate(since))
    add('installmentGeneralOnlySince', 'not_date', 'must be YYYY-MM-DD');
  if (typeof settings.allowNegativeAvailable !== 'boolean')
    add('allowNegativeAvailable', 'wrong_type', 'must be true or false', { type: 'boolean' });
  if (!EARNING_ROUNDINGS.includes(settings.rounding))
    add('rounding', 'not_allowed', "must be 'transaction' or 'line'", {
      allowed: EARNING_ROUNDINGS.join(', '),
    });
  return issues;
}

function checkPlan(plan: Plan, at: string, generalBps: number, versionIds: Set<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const sorted = [...plan.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!.validTo;
    // An open-ended version runs into every later one: the bank ends it (withdraws) first.
    if (before === null || sorted[i]!.validFrom <= before) {
      issues.push({
        field: `${at}/versions`,
        code: 'versions_overlap',
        params: { first: sorted[i - 1]!.id, second: sorted[i]!.id },
        message: `${sorted[i - 1]!.id} overlaps ${sorted[i]!.id}`,
      });
    }
  }
  plan.versions.forEach((v, i) => {
    if (versionIds.has(v.id))
      issues.push({ field: `${at}/versions/${i}/id`, code: 'duplicate', message: `duplicate ${v.id}` });
    versionIds.add(v.id);
    if (v.planId !== plan.id)
      issues.push({
        field: `${at}/versions/${i}/planId`,
        code: 'names_another_plan',
        message: 'names another plan',
      });
    issues.push(...checkVersion(v, `${at}/versions/${i}`, generalBps));
  });
  return issues;
}

function checkVersion(v: PlanVersion, at: string, generalBps: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const endOk = v.validTo === null || (isCalendarDate(v.validTo) && v.validFrom <= v.validTo);
  if (!isCalendarDate(v.validFrom) || !endOk) {
    issues.push({
      field: `${at}/validFrom`,
      code: 'bad_date_range',
      message: 'needs valid dates with validFrom ≤ validTo',
    });
  }
  if (v.shelf && !isShelfWindow(v.shelf)) {
    issues.push({
      field: `${at}/shelf`,
      code: 'bad_date_range',
      message: 'needs whole epoch ms with fromMs < untilMs',
    });
  }
  const channelIds = v.channels.map((c) => c.id);
  v.channels.forEach((c, i) => {
    if (channelIds.indexOf(c.id) !== i)
      issues.push({ field: `${at}/channels/${i}/id`, code: 'duplicate', message: 'duplicate' });
    issues.push(...checkChannel(c, `${at}/channels/${i}`, generalBps));
  });
  v.caps.forEach((cap, i) => {
    if (!isWhole(cap.limitPoints))
      issues.push({
        field: `${at}/caps/${i}/limitPoints`,
        code: 'too_small',
        params: { min: 0 },
        message: 'must be ≥ 0',
      });
    if (cap.scope.kind === 'channel' && !channelIds.includes(cap.scope.channelId)) {
      issues.push({
        field: `${at}/caps/${i}/scope`,
        code: 'unknown_channel',
        params: { channel: cap.scope.channelId },
        message: `no channel ${cap.scope.channelId}`,
      });
    }
    if (v.caps.findIndex((other) => other.id === cap.id) !== i) {
      issues.push({ field: `${at}/caps/${i}/id`, code: 'duplicate', message: 'duplicate' });
    }
  });
  return issues;
}

function checkChannel(channel: Channel, at: string, generalBps: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // A channel below the general rate would pay less than ordinary spending: surely a typo.
  if (!rateValues(channel.rate).every((bps) => isWhole(bps, generalBps))) {
    issues.push({
      field: `${at}/rate`,
      code: 'rate_below_general',
      params: { min: generalBps },
      message: `every rate must be whole bps ≥ the general ${generalBps}`,
    });
  }
  if (channel.rules.length === 0)
    issues.push({
      field: `${at}/rules`,
      code: 'too_few_items',
      params: { min: 1 },
      message: 'needs at least one rule',
    });
  channel.rules.forEach((rule, i) => {
    const conditions = [rule.merchantIds, rule.mcc, rule.region, rule.presence].filter(
      (c) => c !== undefined,
    );
    // A rule with no condition would match every transaction: the general rate's job, not a channel's.
    if (conditions.length === 0)
      issues.push({
        field: `${at}/rules/${i}`,
        code: 'rule_without_condition',
        message: 'needs a condition',
      });
    if (rule.mcc && !rule.mcc.every(isMccSpec)) {
      issues.push({
        field: `${at}/rules/${i}/mcc`,
        code: 'bad_mcc',
        params: { min: 0, max: 9999 },
        message: 'MCCs are 0–9999, ranges low ≤ high',
      });
    }
  });
  return issues;
}

function isShelfWindow(shelf: ShelfWindow): boolean {
  const { fromMs, untilMs } = shelf;
  return (
    Number.isSafeInteger(fromMs) && (untilMs === null || (Number.isSafeInteger(untilMs) && untilMs > fromMs))
  );
}

function rateValues(rate: ChannelRate): number[] {
  return rate.kind === 'flat' ? [rate.bps] : [rate.bps[1], rate.bps[2], rate.bps[3]];
}

function isMccSpec(spec: MccSpec): boolean {
  const [low, high] = typeof spec === 'number' ? [spec, spec] : spec;
  return isWhole(low) && isWhole(high) && low <= high && high <= 9999;
}
