import { formatDate, formatMoney, formatRate, formatTwd } from './format.ts';
import { type Locale, type MessageKey, message } from './messages.ts';
import type { BonusLine, BonusSkip, ClawbackLine, EarningBasis, EarningLine, GeneralLine } from './types.ts';

/**
 * One sentence per earning line, in zh-TW or en: the rate, the amount it applied to, the exact
 * points and their rounding, then why (installment, foreign, cap, no bonus).
 * @example explainLine(line, 'en') === 'General rate 0.3%: NT$250 × 0.3% = 0.75 points, rounded half-up to 1.'
 */
export function explainLine(line: EarningLine, locale: Locale): string {
  const parts = partsOf(line, locale);
  const [separator, stop] = locale === 'zh-TW' ? ['；', '。'] : ['; ', '.'];
  return `${parts.join(separator)}${stop}`;
}

export function explainLines(lines: readonly EarningLine[], locale: Locale): string[] {
  return lines.map((line) => explainLine(line, locale));
}

function partsOf(line: EarningLine, locale: Locale): string[] {
  switch (line.kind) {
    case 'general':
      return [...generalParts(line, locale), ...basisParts(line.basis, locale)];
    case 'bonus':
      return [...bonusParts(line, locale), ...basisParts(line.basis, locale), ...capParts(line, locale)];
    case 'clawback':
      return clawbackParts(line, locale);
  }
}

function generalParts(line: GeneralLine, locale: Locale): string[] {
  const main = message(locale, 'general', {
    rate: formatRate(line.calc.rateBps),
    amount: formatTwd(line.calc.basisTwdMinor),
    exact: line.calc.exactPoints,
    points: line.calc.roundedPoints,
  });
  return line.bonusSkipped ? [main, skipPart(line.bonusSkipped, locale)] : [main];
}

function skipPart(skip: BonusSkip, locale: Locale): string {
  const key: MessageKey = `skip.${skip.code}`;
  switch (skip.code) {
    case 'no_plan':
      return message(locale, key);
    case 'installment_general_only':
      return message(locale, key, { since: formatDate(skip.since, locale) });
    default:
      return message(locale, key, { plan: skip.plan[locale] });
  }
}

function bonusParts(line: BonusLine, locale: Locale): string[] {
  const main = message(locale, 'bonus', {
    plan: line.plan.names[locale],
    channel: line.channel.names[locale],
    channelRate: formatRate(line.channelRateBps),
    generalRate: formatRate(line.generalRateBps),
    bonusRate: formatRate(line.calc.rateBps),
    amount: formatTwd(line.calc.basisTwdMinor),
    exact: line.calc.exactPoints,
    rounded: line.calc.roundedPoints,
  });
  return line.level === null ? [main] : [main, message(locale, 'level', { level: line.level })];
}

function basisParts(basis: EarningBasis, locale: Locale): string[] {
  const parts: string[] = [];
  if (basis.installment) parts.push(message(locale, 'installment', basis.installment));
  if (basis.foreign) {
    parts.push(
      message(locale, 'foreign', {
        original: formatMoney(basis.foreign.currency, basis.foreign.amountMinor),
        country: basis.foreign.country,
        amount: formatTwd(basis.billedAmountTwdMinor),
      }),
    );
  }
  return parts;
}

function capParts(line: BonusLine, locale: Locale): string[] {
  const parts = line.caps.map((cap) =>
    message(locale, 'capState', {
      scope: message(locale, cap.scope === 'plan' ? 'capPlan' : 'capChannel'),
      period: message(locale, cap.period === 'month' ? 'capMonth' : 'capWindow'),
      limit: cap.limitPoints,
      used: cap.usedBefore,
      remaining: cap.remainingAfter,
    }),
  );
  if (line.cappedPoints > 0)
    parts.push(message(locale, 'capCut', { cut: line.cappedPoints, points: line.points }));
  return parts;
}

function clawbackParts(line: ClawbackLine, locale: Locale): string[] {
  const money = (minor: number) => formatMoney(line.currency, minor);
  const main = message(locale, 'clawback', {
    refund: money(line.refundMinor),
    original: money(line.originalAmountMinor),
    of: message(locale, line.of === 'general' ? 'ofGeneral' : 'ofBonus'),
    originalPoints: line.originalPoints,
    exact: line.exactPoints,
    points: -line.points,
  });
  if (line.refundedBeforeMinor === 0) return [main];
  return [main, message(locale, 'clawbackBefore', { before: money(line.refundedBeforeMinor) })];
}
