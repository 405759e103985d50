import type { FieldIssue } from '@plaza/kernel';
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
      issues.push({ field: `/plans/${p}/id`, message: `duplicate plan id ${plan.id}` });
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
  const add = (field: string, message: string) => issues.push({ field: `/settings/${field}`, message });
  if (!isWhole(settings.generalRateBps)) add('generalRateBps', 'must be a whole number of basis points');
  if (!isWhole(settings.pointValue.points, 1) || !isWhole(settings.pointValue.perTwd, 1)) {
    add('pointValue', 'points and perTwd must be positive integers');
  }
  if (!isWhole(settings.availableAfterBusinessDays)) add('availableAfterBusinessDays', 'must be ≥ 0');
  const since = settings.installmentGeneralOnlySince;
  if (since !== null && !isCalendarDate(since)) add('installmentGeneralOnlySince', 'must be YYYY-MM-DD');
  if (typeof settings.allowNegativeAvailable !== 'boolean')
    add('allowNegativeAvailable', 'must be true or false');
  if (!EARNING_ROUNDINGS.includes(settings.rounding)) add('rounding', "must be 'transaction' or 'line'");
  return issues;
}

function checkPlan(plan: Plan, at: string, generalBps: number, versionIds: Set<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const sorted = [...plan.versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!.validTo;
    // An open-ended version runs into every later one: the bank ends it (withdraws) first.
    if (before === null || sorted[i]!.validFrom <= before) {
      issues.push({ field: `${at}/versions`, message: `${sorted[i - 1]!.id} overlaps ${sorted[i]!.id}` });
    }
  }
  plan.versions.forEach((v, i) => {
    if (versionIds.has(v.id)) issues.push({ field: `${at}/versions/${i}/id`, message: `duplicate ${v.id}` });
    versionIds.add(v.id);
    if (v.planId !== plan.id)
      issues.push({ field: `${at}/versions/${i}/planId`, message: 'names another plan' });
    issues.push(...checkVersion(v, `${at}/versions/${i}`, generalBps));
  });
  return issues;
}

function checkVersion(v: PlanVersion, at: string, generalBps: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const endOk = v.validTo === null || (isCalendarDate(v.validTo) && v.validFrom <= v.validTo);
  if (!isCalendarDate(v.validFrom) || !endOk) {
    issues.push({ field: `${at}/validFrom`, message: 'needs valid dates with validFrom ≤ validTo' });
  }
  if (v.shelf && !isShelfWindow(v.shelf)) {
    issues.push({ field: `${at}/shelf`, message: 'needs whole epoch ms with fromMs < untilMs' });
  }
  const channelIds = v.channels.map((c) => c.id);
  v.channels.forEach((c, i) => {
    if (channelIds.indexOf(c.id) !== i)
      issues.push({ field: `${at}/channels/${i}/id`, message: 'duplicate' });
    issues.push(...checkChannel(c, `${at}/channels/${i}`, generalBps));
  });
  v.caps.forEach((cap, i) => {
    if (!isWhole(cap.limitPoints))
      issues.push({ field: `${at}/caps/${i}/limitPoints`, message: 'must be ≥ 0' });
    if (cap.scope.kind === 'channel' && !channelIds.includes(cap.scope.channelId)) {
      issues.push({ field: `${at}/caps/${i}/scope`, message: `no channel ${cap.scope.channelId}` });
    }
    if (v.caps.findIndex((other) => other.id === cap.id) !== i) {
      issues.push({ field: `${at}/caps/${i}/id`, message: 'duplicate' });
    }
  });
  return issues;
}

function checkChannel(channel: Channel, at: string, generalBps: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // A channel below the general rate would pay less than ordinary spending: surely a typo.
  if (!rateValues(channel.rate).every((bps) => isWhole(bps, generalBps))) {
    issues.push({ field: `${at}/rate`, message: `every rate must be whole bps ≥ the general ${generalBps}` });
  }
  if (channel.rules.length === 0) issues.push({ field: `${at}/rules`, message: 'needs at least one rule' });
  channel.rules.forEach((rule, i) => {
    const conditions = [rule.merchantIds, rule.mcc, rule.region, rule.presence].filter(
      (c) => c !== undefined,
    );
    // A rule with no condition would match every transaction: the general rate's job, not a channel's.
    if (conditions.length === 0) issues.push({ field: `${at}/rules/${i}`, message: 'needs a condition' });
    if (rule.mcc && !rule.mcc.every(isMccSpec)) {
      issues.push({ field: `${at}/rules/${i}/mcc`, message: 'MCCs are 0–9999, ranges low ≤ high' });
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
